# An unchanged integration: it names only Microsoft's hosts. The environment (HTTPS_PROXY, REQUESTS_CA_BUNDLE)
# sends it to the emulator.
import json
import sys

import msal
import requests

TENANT = "00000000-0000-0000-0000-000000000001"

app = msal.ConfidentialClientApplication(
    "defender-emulator",
    client_credential="emulator-secret",
    authority=f"https://login.microsoftonline.com/{TENANT}",
)
result = app.acquire_token_for_client(scopes=["https://api.securitycenter.microsoft.com/.default"])
if "access_token" not in result:
    print(json.dumps(result), file=sys.stderr)
    sys.exit(2)

response = requests.get(
    "https://api.securitycenter.microsoft.com/api/machines",
    headers={"Authorization": "Bearer " + result["access_token"]},
    timeout=30,
)
response.raise_for_status()
body = response.json()
print(json.dumps({"context": body["@odata.context"], "machines": [m["computerDnsName"] for m in body["value"]]}))
