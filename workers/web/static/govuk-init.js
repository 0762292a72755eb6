// Starts every GOV.UK Frontend component on the page (buttons, error summary, skip link, header).
import { initAll } from '/static/govuk-frontend.min.js';

initAll();
