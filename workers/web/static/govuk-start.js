// Runs first in <body> (a static file, so the Content-Security-Policy needs no inline script):
// tells GOV.UK Frontend's CSS that JavaScript is on, as its own inline snippet would.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
