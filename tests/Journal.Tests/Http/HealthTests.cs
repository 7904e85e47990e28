namespace Journal.Tests.Http;

public sealed class HealthTests(JournalHost fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Live_answers_200_while_the_process_runs() =>
        await Host.Scenario(s => { s.Get.Url("/health/live"); s.StatusCodeShouldBeOk(); });

    [Fact]
    public async Task Ready_answers_200_when_the_database_is_reachable() =>
        await Host.Scenario(s => { s.Get.Url("/health/ready"); s.StatusCodeShouldBeOk(); s.ContentShouldBe("Healthy"); });
}
