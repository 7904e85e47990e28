namespace Journal.Http;

/// <summary>What a command endpoint answers when its command was accepted: the status, the body and where the result lives.</summary>
public sealed record Answer(int Status, object Body, string? Location = null)
{
    public static Answer Created(string location, object body) => new(StatusCodes.Status201Created, body, location);

    public static Answer Ok(object body) => new(StatusCodes.Status200OK, body);

    public IResult ToResult() => new JsonAnswer(this);

    private sealed class JsonAnswer(Answer answer) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            if (answer.Location is not null) context.Response.Headers.Location = answer.Location;
            return Results.Json(answer.Body, options: null, statusCode: answer.Status).ExecuteAsync(context);
        }
    }
}
