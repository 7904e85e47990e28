namespace Journal.Contracts;

/// <summary>POST /api/accounts: sign up.</summary>
public sealed record RegisterAccount(string Email, string Password, string? DisplayName = null);

/// <summary>201 from POST /api/accounts, and GET /api/me.</summary>
public sealed record AccountResponse(Guid Id, string Email, string DisplayName);

/// <summary>POST /api/tokens: a personal access token for the API and the command-line client.</summary>
/// <param name="Scopes"><c>notebooks:read</c>, <c>notebooks:write</c>; both when left out.</param>
public sealed record CreateToken(string Name, IReadOnlyList<string>? Scopes = null);

/// <summary>201 from POST /api/tokens: the only time the token itself is shown.</summary>
public sealed record TokenCreatedResponse(Guid Id, string Name, IReadOnlyList<string> Scopes, string Token, DateTimeOffset CreatedAt);

/// <summary>One token as GET /api/tokens lists it: never the token itself.</summary>
public sealed record TokenSummary(Guid Id, string Name, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt);

/// <summary>PUT /api/me/password</summary>
public sealed record ChangePassword(string CurrentPassword, string NewPassword);

/// <summary>201 from POST /api/notebooks/{id}/share: the address anyone can read the notebook at.</summary>
public sealed record ShareLinkResponse(string Slug, string Url, string ApiUrl);
