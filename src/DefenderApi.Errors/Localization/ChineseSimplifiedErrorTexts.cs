namespace DefenderApi.Errors.Localization;

/// <summary>
/// Simplified Chinese texts (culture zh-Hans), from the zh-CN error page (seed 003); the page's Chinese spans are used,
/// its English source spans ignored. Placeholders keep the English names.
/// </summary>
internal static class ChineseSimplifiedErrorTexts
{
    public static IReadOnlyDictionary<string, LocalizedErrorText> Texts { get; } = new Dictionary<string, LocalizedErrorText>(StringComparer.Ordinal)
    {
        ["BadRequest"] = new("常规错误请求错误消息。", "{reason}"),
        ["ODataError"] = new("指定的特定错误 (OData URI 查询无效) 。", "OData URI 查询无效：{error}"),
        ["InvalidInput"] = new("无效输入 {无效的输入}。", "无效输入 {input}。"),
        ["InvalidRequestBody"] = new("无效的请求正文。", "{reason}"),
        ["InvalidHashValue"] = new("哈希值 {无效的哈希}无效。", "哈希值 {hash} 无效。"),
        ["InvalidDomainName"] = new("域名 {无效的域} 无效。", "域名 {domain} 无效。"),
        ["InvalidIpAddress"] = new("IP 地址 {无效的 IP} 无效。", "IP 地址 {ip} 无效。"),
        ["InvalidUrl"] = new("URL {无效的 URL} 无效。", "URL {url} 无效。"),
        ["MaximumBatchSizeExceeded"] = new("已超出最大批次大小。 Received： {batch size received}， allowed： {batch size allowed}.", "已超出最大批次大小。已接收：{received}，允许：{allowed}。"),
        ["MissingRequiredParameter"] = new("参数 {缺少参数}。", "缺少参数 {parameter}。"),
        ["OsPlatformNotSupported"] = new("此操作不支持 OS 平台 {the client OS Platform}。", "此操作不支持 OS 平台 {platform}。"),
        ["ClientVersionNotSupported"] = new("{请求的操作} 在客户端版本 {支持的客户端版本} 及以上版本上受支持。", "{action} 在客户端版本 {version} 及以上版本上受支持。"),
        ["Unauthorized"] = new("未授权 (或过期的授权标头) 。", "未经授权 ({reason})。"),
        ["Forbidden"] = new("禁止 (有效令牌，但权限不足，无法) 。", "禁止 ({reason})。"),
        ["DisabledFeature"] = new("未启用租户功能。", "未启用租户功能：{feature}。"),
        ["DisallowedOperation"] = new("{不允许的操作和原因}。", "{reason}。"),
        ["NotFound"] = new("\"常规未找到\"错误消息。", "{reason}"),
        ["ResourceNotFound"] = new("未找到资源 {请求的资源}。", "未找到 {entity} {id}"),
        ["TooManyRequests"] = new("响应表示请求数或 CPU 达到配额限制。", "{reason}"),
        ["InternalServerError"] = new("(无错误消息，请重试)", ""),

        // Not on the seed page: our translation.
        ["ActiveRequestAlreadyExists"] = new("设备上已有相同类型的操作处于挂起或进行中状态。", "{reason}"),

        // Not on the seed page: our translation.
        ["MethodNotAllowed"] = new("资源存在，但不接受此 HTTP 方法。", "{path} 不允许使用 HTTP 方法 {method}。"),
    };
}
