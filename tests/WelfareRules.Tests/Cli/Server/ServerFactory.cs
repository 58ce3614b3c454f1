using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WelfareRules.Cli.Server;

namespace WelfareRules.Tests.Cli.Server;

/// <summary>The server in process (<see cref="WebApplicationFactory{TEntryPoint}"/>), with the services, middleware and routes of <c>serve</c>.</summary>
internal sealed class ServerFactory(ServerLimits? limits = null) : WebApplicationFactory<ServerLimits>
{
    protected override IHostBuilder CreateHostBuilder() =>
        Host.CreateDefaultBuilder()
            .ConfigureLogging(logging => logging.ClearProviders())
            .ConfigureWebHost(web => web
                .UseContentRoot(System.AppContext.BaseDirectory)
                .ConfigureServices(services => ServerApp.AddServices(services, limits ?? new ServerLimits()))
                .Configure(app =>
                {
                    ServerApp.Configure(app);
                    app.UseEndpoints(endpoints => ServerApp.Map(endpoints));
                }));
}
