using System.Net;
using Microsoft.AspNetCore.Http;
using Workflow.Api.Auth;

namespace Workflow.Api.Tests.Auth;

/// <summary>Where a request came from, as the audit trail records it: a forwarded address is believed only behind App Service.</summary>
public class RequestOriginTests
{
    private static HttpRequest Request(string? clientIpHeader)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse("10.0.0.7");
        if (clientIpHeader is not null) context.Request.Headers["X-Client-IP"] = clientIpHeader;
        return context.Request;
    }

    [Fact]
    public void BehindAppService_TheFrontEndsClientAddressIsTheOrigin()
    {
        IPrincipalResolver easyAuth = new EasyAuthPrincipalResolver();

        Assert.Equal("203.0.113.9", easyAuth.OriginOf(Request("203.0.113.9")));
        Assert.Equal("10.0.0.7", easyAuth.OriginOf(Request(null)));
        Assert.Equal("10.0.0.7", easyAuth.OriginOf(Request(new string('9', 200))));
    }

    [Fact]
    public void LocalDevelopment_IgnoresForwardingHeaders_AnyoneCouldSendThem()
    {
        IPrincipalResolver development = new DevelopmentPrincipalResolver(new AuthOptions());

        Assert.Equal("10.0.0.7", development.OriginOf(Request("203.0.113.9")));
    }
}
