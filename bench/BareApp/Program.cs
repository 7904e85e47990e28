var app = WebApplication.CreateBuilder(args).Build();
app.MapPost("/", () => Results.Created("/", "ok"));
app.MapGet("/", () => "ok");
app.Run();
