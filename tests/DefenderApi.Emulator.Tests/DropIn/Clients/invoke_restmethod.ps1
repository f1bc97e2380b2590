# An unchanged PowerShell integration: Microsoft's hosts only. HTTPS_PROXY and SSL_CERT_FILE send it to the emulator.
$ErrorActionPreference = 'Stop'
$tenantId = '00000000-0000-0000-0000-000000000001'
$body = @{
    resource      = 'https://api.securitycenter.microsoft.com'
    client_id     = 'defender-emulator'
    client_secret = 'emulator-secret'
    grant_type    = 'client_credentials'
}
$token = Invoke-RestMethod -Method Post -Uri "https://login.microsoftonline.com/$tenantId/oauth2/token" -Body $body
$alerts = Invoke-RestMethod -Uri 'https://api.securitycenter.microsoft.com/api/alerts' -Headers @{ Authorization = "Bearer $($token.access_token)" }
@{ context = $alerts.'@odata.context'; count = @($alerts.value).Count } | ConvertTo-Json -Compress
