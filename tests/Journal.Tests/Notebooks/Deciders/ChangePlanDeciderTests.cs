using static Journal.Tests.Notebooks.Deciders.Given;

using Journal.Contracts;
using Journal.Hosting;
using Journal.Notebooks;
using Journal.Notebooks.Deciders;

namespace Journal.Tests.Notebooks.Deciders;

public class ChangePlanDeciderTests
{
    [Fact]
    public void A_bigger_plan_for_a_notebook_in_progress_is_just_the_change() =>
        Decided.Accepted(ChangePlanDecider.Decide(new ChangePlan(10, 14, 60), Notebook(LoggedDays(3))),
            new PlanChanged(new Plan(10, 14, 60)));

    [Fact]
    public void Leaving_out_minutesPerDay_drops_the_daily_commitment() =>
        Decided.Accepted(ChangePlanDecider.Decide(new ChangePlan(10, 14), Notebook(LoggedDays(3))),
            new PlanChanged(new Plan(10, 14, null)));

    [Theory]
    [InlineData(3)] // exactly the days logged
    [InlineData(2)] // fewer than the days logged
    public void Lowering_the_plan_to_the_days_logged_completes_the_notebook(int days) =>
        Decided.Accepted(ChangePlanDecider.Decide(new ChangePlan(days, 7), Notebook(LoggedDays(3))),
            new PlanChanged(new Plan(days, 7)), new NotebookCompleted(3, days));

    [Fact]
    public void Lowering_the_plan_to_one_day_above_the_days_logged_keeps_it_in_progress() =>
        Decided.Accepted(ChangePlanDecider.Decide(new ChangePlan(4, 7), Notebook(LoggedDays(3))), new PlanChanged(new Plan(4, 7)));

    [Fact]
    public void Raising_the_plan_of_a_completed_notebook_reopens_it() =>
        Decided.Accepted(ChangePlanDecider.Decide(new ChangePlan(6, 7), Completed()),
            new PlanChanged(new Plan(6, 7)), new NotebookReopened(5, 6));

    [Fact]
    public void The_plan_the_notebook_already_has_records_nothing() =>
        Decided.Accepted(ChangePlanDecider.Decide(new ChangePlan(5, 7, 45), Completed()));

    [Fact]
    public void The_same_days_with_another_daily_commitment_is_a_change() =>
        Decided.Accepted(ChangePlanDecider.Decide(new ChangePlan(5, 7, 30), Notebook(LoggedDays(1))), new PlanChanged(new Plan(5, 7, 30)));

    [Theory]
    [InlineData(5, 5, null)]
    [InlineData(4, 7, 45)] // below the days logged
    public void A_plan_a_completed_notebook_still_meets_keeps_it_completed(int days, int spanDays, int? minutesPerDay) =>
        Decided.Accepted(ChangePlanDecider.Decide(new ChangePlan(days, spanDays, minutesPerDay), Completed()),
            new PlanChanged(new Plan(days, spanDays, minutesPerDay)));

    [Fact]
    public void The_plan_of_an_abandoned_notebook_cannot_change() =>
        Decided.Conflict(ChangePlanDecider.Decide(new ChangePlan(10, 14), Abandoned()), Refusals.NotebookAbandoned);

    [Fact]
    public void An_invalid_plan_is_a_400_even_on_an_abandoned_notebook() =>
        Decided.Invalid(ChangePlanDecider.Decide(new ChangePlan(0, 14), Abandoned()), "days");

    [Fact]
    public void A_null_body_is_a_malformed_request() => Decided.MissingBody(ChangePlanDecider.Decide(null, Notebook()));

    [Theory]
    [InlineData(1, 1, null)]
    [InlineData(1, 731, 1)]
    [InlineData(10, 10, 60)] // spanDays may equal days
    [InlineData(366, 366, 1440)]
    [InlineData(366, 731, null)]
    public void Plans_within_the_limits_are_accepted(int days, int spanDays, int? minutesPerDay) =>
        Decided.Accepted(ChangePlanDecider.Decide(new ChangePlan(days, spanDays, minutesPerDay), Notebook()),
            new PlanChanged(new Plan(days, spanDays, minutesPerDay)));

    // The body is the plan itself, so the fields are named without a "plan." prefix.
    [Theory]
    [InlineData(0, 7, null, "days")]
    [InlineData(-5, 7, null, "days")]
    [InlineData(367, 367, null, "days")]
    [InlineData(10, 9, null, "spanDays")]
    [InlineData(1, 732, null, "spanDays")]
    [InlineData(5, 7, 0, "minutesPerDay")]
    [InlineData(5, 7, 1441, "minutesPerDay")]
    public void Plans_outside_the_limits_name_the_field(int days, int spanDays, int? minutesPerDay, string field) =>
        Decided.Invalid(ChangePlanDecider.Decide(new ChangePlan(days, spanDays, minutesPerDay), Notebook()), field);

    [Fact]
    public void Every_invalid_field_is_named_at_once() =>
        Decided.Invalid(ChangePlanDecider.Decide(new ChangePlan(400, 800, 2000), Notebook()), "days", "spanDays", "minutesPerDay");
}
