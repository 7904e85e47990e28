using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Journal.Web;

/// <summary>How the forms answer once they are done.</summary>
public static class PageRedirects
{
    /// <summary>303 See Other: after a form's POST the browser GETs the result (POST-redirect-GET).</summary>
    public static IActionResult SeeOther(PageModel page, string url)
    {
        page.Response.Headers.Location = url;
        return new StatusCodeResult(StatusCodes.Status303SeeOther);
    }
}
