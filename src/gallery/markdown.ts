import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import http from 'highlight.js/lib/languages/http';
import ini from 'highlight.js/lib/languages/ini';
import json from 'highlight.js/lib/languages/json';
import nginx from 'highlight.js/lib/languages/nginx';
import sql from 'highlight.js/lib/languages/sql';
import typescript from 'highlight.js/lib/languages/typescript';
import yaml from 'highlight.js/lib/languages/yaml';
import MarkdownIt, { type MarkdownIt as Renderer, type Token } from 'markdown-it';

// The documents' Markdown as HTML, highlighted at build time: highlight.js's core with the nine languages
// the catalogue's fences name (the whole library is ~190 languages); a fence in another language
// (promql, proto, text) is shown escaped, unhighlighted.
for (const [name, language] of Object.entries({ bash, http, ini, json, nginx, sql, typescript, yaml }))
  hljs.registerLanguage(name, language);

/** Lower-case words joined by hyphens: a heading's anchor. */
export const slug = (text: string): string =>
  text
    .toLowerCase()
    .replace(/<[^>]*>/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'section';

/** A renderer whose relative `<id>.md` links lead to `<id>.html` when `known(id)`, and lose their link otherwise. */
export function markdown(known: (id: string) => boolean): Renderer {
  const md = new MarkdownIt({
    html: false, // the documents are Markdown; raw HTML in one is shown as text, never run
    linkify: false,
    highlight: (code, info) => {
      const lang = info.split(/\s+/)[0] ?? '';
      return hljs.getLanguage(lang) ? hljs.highlight(code, { language: lang, ignoreIllegals: true }).value : '';
    },
  });
  md.core.ruler.push('bek-anchors', (state) => {
    const used = new Set<string>();
    state.tokens.forEach((t, i) => {
      if (t.type !== 'heading_open') return;
      const base = slug(state.tokens[i + 1]?.content ?? '');
      let id = base;
      for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
      used.add(id);
      t.attrSet('id', id);
      state.tokens[i + 1]?.children?.push(anchor(state.Token, id));
    });
  });
  md.core.ruler.push('bek-checkboxes', (state) => {
    state.tokens.forEach((t, i) => {
      const first = t.children?.[0];
      const inItem = state.tokens[i - 2]?.type === 'list_item_open';
      if (t.type !== 'inline' || !inItem || first?.type !== 'text' || !/^\[[ xX]\] /.test(first.content)) return;
      const checked = first.content[1] !== ' ';
      first.content = first.content.slice(4);
      const open = new state.Token('html_inline', '', 0);
      open.content = `<label class="check"><input type="checkbox"${checked ? ' checked' : ''}> `;
      const close = new state.Token('html_inline', '', 0);
      close.content = '</label>';
      t.children?.unshift(open);
      t.children?.push(close);
      const item = state.tokens[i - 2];
      item?.attrJoin('class', 'task');
    });
  });
  // Code and tables scroll sideways when wider than the page: focusable, so a keyboard can scroll them too.
  const fence = md.renderer.rules.fence;
  md.renderer.rules.fence = (tokens, i, options, env, self) =>
    (fence ? fence(tokens, i, options, env, self) : '').replace(/^<pre>/, '<pre tabindex="0">');
  md.renderer.rules.table_open = () => '<table tabindex="0">\n';
  const linkOpen = md.renderer.rules.link_open;
  md.renderer.rules.link_open = (tokens, i, options, env, self) => {
    const t = tokens[i] as Token;
    const href = String(t.attrGet('href') ?? '');
    const doc = /^([a-z0-9-]+)\.md(#.*)?$/.exec(href);
    if (doc) {
      if (known(doc[1] ?? '')) t.attrSet('href', `${doc[1]}.html${doc[2] ?? ''}`);
      else t.attrs = (t.attrs ?? []).filter(([name]) => name !== 'href');
    } else if (/^https?:/.test(href)) t.attrSet('rel', 'noreferrer');
    return linkOpen ? linkOpen(tokens, i, options, env, self) : self.renderToken(tokens, i, options);
  };
  return md;
}

function anchor(TokenClass: new (type: string, tag: string, nesting: -1 | 0 | 1) => Token, id: string): Token {
  const t = new TokenClass('html_inline', '', 0);
  t.content = ` <a class="anchor" href="#${id}" aria-label="Link to this section">#</a>`;
  return t;
}
