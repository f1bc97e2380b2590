# The third way: an explicit authority and base URL, here the emulator's HTTPS address on a port other than 443.
# MSAL for Python asks login.microsoftonline.com itself to validate an authority it does not know, so a custom
# authority needs validate_authority=False (or the proxy variables). REQUESTS_CA_BUNDLE trusts the emulator's root.
import json
import sys

import msal
import requests

TENANT = "00000000-0000-0000-0000-000000000001"
base = sys.argv[1].rstrip("/")

app = msal.ConfidentialClientApplication(
    "defender-emulator",
    client_credential="emulator-secret",
    authority=f"{base}/{TENANT}",
    validate_authority=False,
)
result = app.acquire_token_for_client(scopes=["https://api.securitycenter.microsoft.com/.default"])
if "access_token" not in result:
    print(json.dumps(result), file=sys.stderr)
    sys.exit(2)

response = requests.get(f"{base}/api/indicators", headers={"Authorization": "Bearer " + result["access_token"]}, timeout=30)
response.raise_for_status()
print(json.dumps({"context": response.json()["@odata.context"]}))
