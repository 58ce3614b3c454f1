using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Playwright;
using WelfareRules.Cli.Server;
using Xunit;

namespace WelfareRules.Tests.Cli.Server;

/// <summary>
/// The calculator page in a real headless browser: Debian's Chromium (installed by <c>.ci/run</c>) driven by
/// Playwright against the server on Kestrel, as a ward clerk would use it.
/// </summary>
public sealed class CalculatorPageTest
{
    private static readonly string Chromium = Environment.GetEnvironmentVariable("WELFARERULES_CHROMIUM") ?? "/usr/bin/chromium";

    [Fact]
    public async Task Page_WorkedCaseFilledAndSubmitted_ShowsItsAmountAndFirstExplanationStep()
    {
        Assert.True(File.Exists(Chromium), $"no browser at {Chromium}: install Debian's chromium (apt-get install -y chromium, as .ci/run does) or set WELFARERULES_CHROMIUM");
        string example = RepositoryFiles.Docs("examples", "orphan-2023-03.json");
        var (_, expectedJson, _) = CliRunner.Run("evaluate", "--input", example);
        using var expected = JsonDocument.Parse(expectedJson);

        await using var app = ServerApp.Build("http://127.0.0.1:0", new ServerLimits(), log: false);
        await app.StartAsync();
        try
        {
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Chromium,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
            var page = await browser.NewPageAsync();
            await page.GotoAsync(app.Urls.First() + "/");

            // The worked case of docs/examples/orphan-2023-03.json: a child born 2020-01-10, both parents dead, in 2023-03.
            await page.SelectOptionAsync("#jurisdiction", "VN");
            await page.FillAsync("#month", "2023-03");
            await page.FillAsync("#birthDate", "2020-01-10");
            await page.SelectOptionAsync("#orphanhood", "bothParentsDead");
            await page.ClickAsync("#evaluate");
            await page.WaitForSelectorAsync("#entitlements tbody tr");

            var entitlement = expected.RootElement.GetProperty("entitlements")[0];
            Assert.Equal(entitlement.GetProperty("amount").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture),
                await page.GetAttributeAsync("#entitlements tbody tr", "data-amount"));
            Assert.Equal(entitlement.GetProperty("kind").GetString(), await page.GetAttributeAsync("#entitlements tbody tr", "data-kind"));
            Assert.Equal(expected.RootElement.GetProperty("explanationVi")[0].GetString(), (await page.TextContentAsync("#explanation li .vi"))?.Trim());
            Assert.Equal(expected.RootElement.GetProperty("explanation")[0].GetString(), (await page.TextContentAsync("#explanation li .en"))?.Trim());
            Assert.Contains("đ", await page.TextContentAsync("#total") ?? "", StringComparison.Ordinal);

            // A merit record: a war invalid at 41% in 2024-07 is paid 3,667,000 (77/2024/NĐ-CP Appendix II row 21).
            await page.ReloadAsync();
            await page.SelectOptionAsync("#jurisdiction", "VN");
            await page.FillAsync("#month", "2024-07");
            await page.FillAsync("#birthDate", "1950-03-01");
            await page.ClickAsync("#add-merit");
            await page.SelectOptionAsync(".merit-category", "war-invalid");
            await page.FillAsync(".merit-rate", "41");
            await page.ClickAsync("#evaluate");
            await page.WaitForSelectorAsync("#entitlements tbody tr[data-kind='merit-allowance']");
            Assert.Equal("3667000", await page.GetAttributeAsync("#entitlements tbody tr[data-kind='merit-allowance']", "data-amount"));
            Assert.Contains("Phụ lục II", await page.TextContentAsync("#entitlements tbody tr[data-kind='merit-allowance']") ?? "", StringComparison.Ordinal);

            // A month-by-month schedule for a range.
            await page.FillAsync("#scheduleFrom", "2024-06");
            await page.FillAsync("#scheduleTo", "2024-07");
            await page.ClickAsync("#schedule");
            await page.WaitForSelectorAsync("#schedule-table tr[data-month='2024-07']");
            Assert.Equal("2702000", await page.GetAttributeAsync("#schedule-table tr[data-month='2024-06']", "data-due"));
            Assert.Equal("3667000", await page.GetAttributeAsync("#schedule-table tr[data-month='2024-07']", "data-due"));
        }
        finally
        {
            await app.StopAsync();
        }
    }
}
