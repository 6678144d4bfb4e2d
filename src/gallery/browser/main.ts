import { gallery } from './gallery.js';
import { reviewTool, selectTool } from './tools.js';

// The gallery's one script (dist/gallery.js): each page names its behaviour in body data-page. The
// pages read in full without it; it adds the search box, in-place filters and the forms' answers.

document.documentElement.classList.add('js');
const page = document.body.dataset.page;
if (page === 'index') gallery();
else if (page === 'select') selectTool();
else if (page === 'review') reviewTool();
