/* Zhibiao web page: search, report reader, indicator explorer, target/actual comparison (with its years axis
 * and the panel's downloads) and series.
 * Everything that comes from the index is put into the page as text (textContent), never as HTML; the
 * only markup taken from the server is the <em> of a highlight, rebuilt here as an element. */
'use strict';

const LABELS = {
  kind: {actual: '实际', target: '年度目标', plan_target: '规划目标'},
  measure: {growth_pct: '增速', level: '总量', share_pct: '占比', rank: '排名', count: '数量'},
  level: {national: '全国', province: '省级', prefecture: '地级', county_city: '县级市', district: '市辖区', county: '县'},
  docType: {work_report: '政府工作报告', five_year_plan: '五年规划纲要', other: '其他'},
  qualifier: {about: '左右', above: '以上', at_most: '以内', range: '区间'},
  status: {met: '达成', missed: '未达成', no_actual: '缺实际', no_target: '缺目标', not_comparable: '单位不同'},
  facet: {province: '省份', year: '年份', region: '地区', level: '级别', docType: '文件类型', section: '章节'},
};
const FACETS = ['province', 'year', 'region', 'level', 'docType', 'section'];
const PAGE = 10;
let catalog = null;
const charts = [];

// ---- small helpers -------------------------------------------------------------------------

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

function decodeEntities(s) {
  return s.replace(/&(lt|gt|amp|quot|#x27|#39|#x2F);/g, (m, e) =>
    ({lt: '<', gt: '>', amp: '&', quot: '"', '#x27': "'", '#39': "'", '#x2F': '/'})[e]);
}

/** A highlight fragment (HTML-encoded by Elasticsearch, with <em> around the hits) as DOM nodes. */
function highlightNodes(fragment) {
  const out = [];
  const parts = String(fragment).split(/(<em>|<\/em>)/);
  let inEm = false;
  for (const p of parts) {
    if (p === '<em>') { inEm = true; continue; }
    if (p === '</em>') { inEm = false; continue; }
    if (!p) continue;
    const text = decodeEntities(p);
    out.push(inEm ? el('em', {}, text) : document.createTextNode(text));
  }
  return out;
}

/** A plain text with every occurrence of the terms marked. */
function markTerms(text, terms) {
  const list = (terms || []).filter(t => t && t.length > 0);
  if (!list.length) return [document.createTextNode(text)];
  const out = [];
  let i = 0;
  while (i < text.length) {
    let best = -1, bestLen = 0;
    for (const t of list) {
      const at = text.indexOf(t, i);
      if (at >= 0 && (best < 0 || at < best || (at === best && t.length > bestLen))) { best = at; bestLen = t.length; }
    }
    if (best < 0) { out.push(document.createTextNode(text.slice(i))); break; }
    if (best > i) out.push(document.createTextNode(text.slice(i, best)));
    out.push(el('mark', {}, text.slice(best, best + bestLen)));
    i = best + bestLen;
  }
  return out;
}

function num(v) {
  if (v === null || v === undefined) return '';
  return Number.isInteger(v) ? String(v) : String(Math.round(v * 100) / 100);
}

function valueText(v) {
  if (!v) return '—';
  let s = num(v.value);
  if (v.value_max !== undefined && v.value_max !== null) s += '—' + num(v.value_max);
  s += v.unit || '';
  if (v.qualifier && LABELS.qualifier[v.qualifier] && v.qualifier !== 'range') s += LABELS.qualifier[v.qualifier];
  if (v.estimated) s += '（预计）';
  return s;
}

function reportLink(documentId, paragraph, text, terms) {
  const params = new URLSearchParams();
  if (paragraph !== null && paragraph !== undefined) params.set('p', paragraph);
  (terms || []).forEach(t => params.append('t', t));
  const qs = params.toString();
  return el('a', {href: '#report/' + encodeURIComponent(documentId) + (qs ? '?' + qs : ''), class: 'doc-link'}, text);
}

/** "第12页" beside a fact or a hit from a paged source (PDF, Word, a scan), marked when the page was read by OCR. */
function pageRef(page, ocr) {
  if (page === null || page === undefined) return null;
  return el('span', {class: 'page-ref' + (ocr ? ' ocr' : ''), 'data-testid': 'page-ref',
    title: ocr ? '原文件第' + page + '页，扫描件，文字经 OCR 识别，请核对原件' : '原文件第' + page + '页'},
    '第' + page + '页' + (ocr ? ' · OCR' : ''));
}

/** Page numbers as short ranges: 3、5—7、9. */
function pageRanges(pages) {
  const sorted = [...new Set(pages)].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    out.push(j > i ? sorted[i] + '—' + sorted[j] : String(sorted[i]));
    i = j;
  }
  return out.join('、');
}

/** The page that holds an offset of the text ({page, start, ocr} of the report's pages), or null. */
function pageAt(pages, offset) {
  let found = null;
  for (const p of pages || []) {
    if (p.start <= offset) found = p; else break;
  }
  return found || (pages && pages.length ? pages[0] : null);
}

async function api(path) {
  const r = await fetch(path, {headers: {Accept: 'application/json'}});
  let body = null;
  try { body = await r.json(); } catch (e) { /* not JSON */ }
  if (!r.ok) {
    throw new Error((body && body.reason) ? body.reason : ('服务返回 ' + r.status));
  }
  return body;
}

function showError(e) {
  const box = document.getElementById('error');
  box.textContent = e ? ('出错了：' + (e.message || e)) : '';
  box.hidden = !e;
}

function route() {
  const h = location.hash.slice(1) || 'search';
  const q = h.indexOf('?');
  const path = q < 0 ? h : h.slice(0, q);
  const params = new URLSearchParams(q < 0 ? '' : h.slice(q + 1));
  return {path, params};
}

function go(path, params) {
  const qs = params ? params.toString() : '';
  location.hash = path + (qs ? '?' + qs : '');
}

function show(view) {
  document.querySelectorAll('.view').forEach(v => { v.hidden = v.id !== 'view-' + view; });
  document.querySelectorAll('#nav a[data-view]').forEach(a => a.classList.toggle('active', a.dataset.view === view));
}

function disposeCharts() {
  while (charts.length) { const c = charts.pop(); try { c.dispose(); } catch (e) { /* gone */ } }
}

function chart(container) {
  const c = echarts.init(container, null, {renderer: 'svg'});
  charts.push(c);
  return c;
}

window.addEventListener('resize', () => charts.forEach(c => c.resize()));

// ---- catalog: options of the selects -----------------------------------------------------------

async function loadCatalog() {
  if (catalog) return catalog;
  catalog = await api('api/catalog');
  const options = {
    indicators: catalog.indicators.filter(i => i.facts > 0).concat(catalog.indicators.filter(i => i.facts === 0))
      .map(i => [i.id, i.zh + (i.facts ? '（' + i.facts + '）' : '')]),
    provinces: catalog.provinces.map(p => [p.value, p.value + '（' + p.count + '）']),
    levels: Object.entries(LABELS.level),
    kinds: Object.entries(LABELS.kind),
    measures: Object.entries(LABELS.measure),
  };
  document.querySelectorAll('select[data-options]').forEach(s => {
    for (const [value, label] of options[s.dataset.options] || []) s.append(el('option', {value}, label));
  });
  const list = document.getElementById('region-list');
  catalog.regions.forEach(r => list.append(el('option', {value: r.name}, (r.province || '') + ' · ' + r.reports + ' 份报告')));
  return catalog;
}

function fillForm(form, params) {
  for (const field of form.elements) {
    if (!field.name) continue;
    if (params.has(field.name)) field.value = params.get(field.name);
  }
}

function formParams(form) {
  const p = new URLSearchParams();
  for (const field of form.elements) {
    if (field.name && field.value !== '') p.set(field.name, field.value.trim());
  }
  return p;
}

// ---- search ------------------------------------------------------------------------------------

async function searchView(params) {
  show('search');
  const q = params.get('q') || '';
  document.getElementById('q').value = q;
  document.getElementById('sort').value = params.get('sort') || 'relevance';
  const intro = document.getElementById('search-intro');
  const hits = document.getElementById('hits');
  const facets = document.getElementById('facets');
  if (!q.trim()) {
    intro.hidden = false;
    hits.replaceChildren(); facets.replaceChildren();
    document.getElementById('search-summary').textContent = '';
    document.getElementById('chips').replaceChildren();
    document.getElementById('pager').replaceChildren();
    return;
  }
  intro.hidden = true;
  const apiParams = new URLSearchParams(params);
  apiParams.set('size', PAGE);
  const page = await api('api/search?' + apiParams.toString());
  const summary = document.getElementById('search-summary');
  summary.replaceChildren(
    el('span', {'data-testid': 'search-total'}, '共 ' + page.total + ' 段，来自 ' + page.reports + ' 份报告'),
    el('span', {class: 'muted'}, '（' + page.tookMillis + ' 毫秒）'),
    page.query.words.length ? el('span', {class: 'muted words', title: '用于排序的分词'}, ' 分词：' + page.query.words.join(' / ')) : null);

  // chips: the filters in force, each removable
  const chips = document.getElementById('chips');
  chips.replaceChildren();
  for (const f of FACETS) {
    for (const v of params.getAll(f)) {
      const next = new URLSearchParams(params);
      const rest = next.getAll(f).filter(x => x !== v);
      next.delete(f); rest.forEach(x => next.append(f, x)); next.delete('from');
      chips.append(el('a', {class: 'chip', href: '#search?' + next.toString(), title: '去掉这个筛选'},
        LABELS.facet[f] + '：' + facetLabel(f, v) + ' ✕'));
    }
  }

  facets.replaceChildren();
  for (const f of FACETS) {
    const values = page.facets[f] || [];
    if (!values.length) continue;
    const selected = params.getAll(f);
    const list = el('ul', {});
    for (const v of values) {
      const next = new URLSearchParams(params);
      next.delete('from');
      if (selected.includes(v.value)) {
        const rest = selected.filter(x => x !== v.value);
        next.delete(f); rest.forEach(x => next.append(f, x));
      } else {
        next.append(f, v.value);
      }
      list.append(el('li', {class: selected.includes(v.value) ? 'selected' : null},
        el('a', {href: '#search?' + next.toString(), 'data-facet': f, 'data-value': v.value,
                 title: v.reports + ' 份报告'},
          el('span', {class: 'box'}, selected.includes(v.value) ? '☑' : '☐'),
          el('span', {class: 'label'}, facetLabel(f, v.value)),
          el('span', {class: 'count'}, String(v.count)))));
    }
    facets.append(el('div', {class: 'facet', 'data-testid': 'facet-' + f}, el('h4', {}, LABELS.facet[f]), list));
  }

  hits.replaceChildren();
  const terms = page.query.terms;
  for (const h of page.items) {
    const frags = h.highlights.length ? h.highlights : [];
    hits.append(el('li', {class: 'hit', 'data-testid': 'hit'},
      el('div', {class: 'hit-head'},
        reportLink(h.documentId, h.paragraph, h.title || h.documentId, terms),
        el('span', {class: 'meta'}, [h.region, h.province, h.year ? h.year + '年' : null].filter(Boolean).join(' · '),
          h.page ? ' ' : null, pageRef(h.page, h.ocr))),
      h.sectionPath && h.sectionPath.length ? el('div', {class: 'path'}, h.sectionPath.join(' › ')) : null,
      el('div', {class: 'fragments'}, frags.map(f => el('p', {class: 'fragment'}, highlightNodes(f)))),
      el('div', {class: 'hit-foot'}, reportLink(h.documentId, h.paragraph, '在原文中查看 →', terms))));
  }
  if (!page.items.length) hits.append(el('li', {class: 'empty'}, '没有找到。换个说法，或去掉一些筛选。'));

  const pager = document.getElementById('pager');
  pager.replaceChildren();
  const from = page.from;
  if (from > 0) {
    const prev = new URLSearchParams(params); prev.set('from', Math.max(0, from - PAGE));
    pager.append(el('a', {href: '#search?' + prev.toString()}, '← 上一页'));
  }
  pager.append(el('span', {class: 'muted'}, '第 ' + (Math.floor(from / PAGE) + 1) + ' 页'));
  if (from + PAGE < page.total && from + 2 * PAGE <= 1000) {
    const next = new URLSearchParams(params); next.set('from', from + PAGE);
    pager.append(el('a', {href: '#search?' + next.toString()}, '下一页 →'));
  }
}

function facetLabel(facet, value) {
  if (facet === 'level') return LABELS.level[value] || value;
  if (facet === 'docType') return LABELS.docType[value] || value;
  if (facet === 'year') return value + '年';
  return value;
}

// ---- report reader -----------------------------------------------------------------------------

async function reportView(id, params) {
  show('report');
  const p = params.get('p');
  const terms = params.getAll('t');
  const r = await api('api/reports/' + encodeURIComponent(id) + (p !== null ? '?passage=' + encodeURIComponent(p) : ''));
  const m = r.metadata;
  document.getElementById('report-title').textContent = m.title || m.documentId;
  document.getElementById('report-meta').textContent = [m.region, m.province, LABELS.level[m.level], LABELS.docType[m.docType],
    m.year ? m.year + '年' : null, m.speaker, m.chars + ' 字',
    m.format ? m.format.toUpperCase() + (m.pageCount ? ' 共 ' + m.pageCount + ' 页' : '') : null,
    '编号 ' + m.documentId].filter(Boolean).join(' · ');
  const pages = r.pages || [];
  const ocrNotice = document.getElementById('report-ocr');
  ocrNotice.replaceChildren();
  ocrNotice.hidden = !m.ocr;
  if (m.ocr) {
    const scanned = pages.filter(p => p.ocr).map(p => p.page);
    ocrNotice.append(
      el('span', {class: 'badge ocr', 'data-testid': 'ocr-badge'}, 'OCR识别' + (m.ocrConfidence !== undefined && m.ocrConfidence !== null
        ? '，置信度 ' + Math.round(m.ocrConfidence) : '')),
      ' ' + (scanned.length ? '第' + pageRanges(scanned) + '页' : '部分页面') + '为扫描件，文字经 OCR 识别，可能有误字；引用前请核对原件。');
  }

  const container = document.getElementById('report-text');
  container.replaceChildren();
  const text = r.text || '';
  const headingStarts = new Map();
  const walk = (nodes) => nodes.forEach(n => { headingStarts.set(n.start, n); walk(n.children); });
  walk(r.sections);
  // where a page of the source begins: a line of its own before a paragraph, or a mark inside one
  const pageBreak = (p) => el('div', {class: 'page-break', 'data-page': p.page, 'data-testid': 'page-break'},
    el('span', {}, '第' + p.page + '页'), p.ocr ? el('span', {class: 'badge ocr', title: '扫描件，经 OCR 识别'}, 'OCR') : null);
  const pageMark = (p) => el('span', {class: 'page-mark', 'data-page': p.page, 'data-testid': 'page-break',
    title: p.ocr ? '扫描件，经 OCR 识别' : null}, '〔第' + p.page + '页' + (p.ocr ? ' · OCR' : '') + '〕');
  // the text [from, to) with the terms marked and a mark where a page begins inside it
  const segment = (from, to) => {
    const out = [];
    let at = from;
    for (const p of pages) {
      if (p.start <= from || p.start >= to) continue;
      out.push(...markTerms(text.slice(at, p.start), terms), pageMark(p));
      at = p.start;
    }
    out.push(...markTerms(text.slice(at, to), terms));
    return out;
  };
  let previousEnd = -1;
  for (const para of r.paragraphs) {
    for (const p of pages) {
      if (p.start > previousEnd && p.start <= para.start) container.append(pageBreak(p));
    }
    previousEnd = para.end - 1;
    const body = text.slice(para.start, para.end);
    const section = headingStarts.get(para.start);
    // a heading alone on its line is a heading; a heading that opens a paragraph (1. 发展壮大先进制造实力。…) is set in bold
    const alone = section && body.trim().length <= section.heading.length + 1;
    const lead = section && !alone && body.startsWith(section.heading) ? section.heading : '';
    const node = el(alone ? (section.level <= 1 ? 'h3' : 'h4') : 'p',
      {id: 'para-' + para.paragraph, class: 'para', 'data-paragraph': para.paragraph},
      lead ? el('strong', {}, segment(para.start, para.start + lead.length)) : null,
      segment(para.start + lead.length, para.end));
    if (r.passage && r.passage.paragraph === para.paragraph) node.classList.add('focus');
    container.append(node);
  }
  if (!r.paragraphs.length) container.append(el('p', {}, text));

  const toc = document.getElementById('toc');
  toc.replaceChildren();
  const tocList = (nodes) => nodes.map(n => el('li', {},
    el('a', {href: '#', onclick: (e) => { e.preventDefault(); scrollToOffset(r, n.start); }}, n.heading),
    pages.length ? el('span', {class: 'toc-page'}, ' ' + pageAt(pages, n.start).page) : null,
    n.children.length ? el('ol', {}, tocList(n.children)) : null));
  toc.append(...tocList(r.sections));

  if (r.passage) {
    const target = document.getElementById('para-' + r.passage.paragraph);
    if (target) target.scrollIntoView({block: 'center'});
  } else {
    window.scrollTo(0, 0);
  }
}

function scrollToOffset(report, offset) {
  const para = report.paragraphs.find(p => p.start <= offset && offset < p.end) || report.paragraphs.find(p => p.start >= offset);
  if (para) document.getElementById('para-' + para.paragraph).scrollIntoView({block: 'start'});
}

// ---- indicator explorer ------------------------------------------------------------------------

async function indicatorsView(params) {
  show('indicators');
  await loadCatalog();
  const form = document.getElementById('indicator-form');
  fillForm(form, params);
  const apiParams = new URLSearchParams(params);
  apiParams.set('size', 50);
  const csv = new URLSearchParams(params); csv.delete('from'); csv.delete('size'); csv.set('format', 'csv');
  document.getElementById('csv-link').href = 'api/indicators?' + csv.toString();
  const page = await api('api/indicators?' + apiParams.toString());
  document.getElementById('indicator-summary').textContent = '共 ' + page.total + ' 条指标数据';
  const body = document.querySelector('#indicator-table tbody');
  body.replaceChildren();
  const labels = Object.fromEntries(catalog.indicators.map(i => [i.id, i.zh]));
  for (const f of page.items) {
    body.append(el('tr', {},
      el('td', {}, el('a', {href: '#series?' + new URLSearchParams({region: f.region || '', indicator: f.indicator}).toString()}, f.region || '')),
      el('td', {}, f.province || ''),
      el('td', {title: f.indicator}, labels[f.indicator] || f.indicator),
      el('td', {}, LABELS.kind[f.kind] || f.kind),
      el('td', {}, f.period || ''),
      el('td', {}, LABELS.measure[f.measure] || f.measure),
      el('td', {class: 'num'}, num(f.value) + (f.value_max !== undefined && f.value_max !== null ? '—' + num(f.value_max) : '')
        + (f.estimated ? '*' : '')),
      el('td', {}, (f.unit || '') + (f.qualifier ? ' ' + (LABELS.qualifier[f.qualifier] || '') : '')),
      el('td', {class: 'quote'}, f.quote || ''),
      el('td', {class: 'wrap'}, reportLink(f.documentId, paragraphOf(f.passageId), f.title || f.documentId, [f.quote]),
        f.page ? ' ' : null, pageRef(f.page, f.ocr))));
  }
  const pager = document.getElementById('indicator-pager');
  pager.replaceChildren();
  const from = page.from;
  if (from > 0) {
    const prev = new URLSearchParams(params); prev.set('from', Math.max(0, from - 50));
    pager.append(el('a', {href: '#indicators?' + prev.toString()}, '← 上一页'));
  }
  if (from + 50 < page.total) {
    const next = new URLSearchParams(params); next.set('from', from + 50);
    pager.append(el('a', {href: '#indicators?' + next.toString()}, '下一页 →'));
  }
}

function paragraphOf(passageId) {
  const m = /:p(\d+)$/.exec(passageId || '');
  return m ? Number(m[1]) : null;
}

// ---- targets against actuals -------------------------------------------------------------------

async function compareView(params) {
  show('compare');
  await loadCatalog();
  const form = document.getElementById('compare-form');
  if (!params.has('indicator')) params.set('indicator', 'gdp');
  if (!params.has('period')) {
    const years = catalog.years.map(y => Number(y.value)).filter(Boolean).sort();
    params.set('period', years.length ? String(years[years.length - 1] - 1) : '2023');
  }
  if (!params.has('measure')) params.set('measure', 'growth_pct');
  fillForm(form, params);
  unplacedNote();
  const t = await api('api/indicators/compare?' + pick(params, COMPARE_PARAMS).toString());
  const label = t.label ? t.label.zh : t.indicator;
  document.getElementById('compare-summary').textContent = label + ' ' + t.period + '年：' + t.summary.regions + ' 个地区，'
    + t.summary.compared + ' 个可对比，达成 ' + t.summary.met + '，未达成 ' + t.summary.missed + '。';
  disposeCharts();
  const container = document.getElementById('compare-chart');
  const rows = t.rows.filter(r => r.target || r.actual);
  if (rows.length) {
    const c = chart(container);
    const regions = rows.map(r => r.region);
    c.setOption({
      animation: false,
      title: {text: label + ' ' + t.period + '年 目标与实际', left: 'center', textStyle: {fontSize: 14}},
      tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}},
      legend: {top: 30, data: ['目标', '实际']},
      grid: {left: 48, right: 16, top: 72, bottom: 80},
      xAxis: {type: 'category', data: regions, axisLabel: {rotate: regions.length > 8 ? 45 : 0, interval: 0}},
      yAxis: {type: 'value', name: t.measure === 'growth_pct' ? '%' : ''},
      series: [
        {name: '目标', type: 'bar', data: rows.map(r => r.target ? r.target.value : null), itemStyle: {color: '#9aa9c2'}},
        {name: '实际', type: 'bar', data: rows.map(r => r.actual ? {value: r.actual.value,
          itemStyle: {color: r.status === 'met' ? '#2e8b57' : r.status === 'missed' ? '#c0392b' : '#5470c6'}} : null)},
      ],
    });
    container.hidden = false;
  } else {
    container.hidden = true;
  }
  const body = document.querySelector('#compare-table tbody');
  body.replaceChildren();
  for (const r of t.rows) {
    body.append(el('tr', {class: 'status-' + r.status},
      el('td', {}, el('a', {href: '#series?' + new URLSearchParams({region: r.region, indicator: t.indicator}).toString()}, r.region),
        el('div', {class: 'muted'}, r.province || '')),
      el('td', {class: 'num'}, valueText(r.target)),
      el('td', {class: 'num'}, valueText(r.actual)),
      el('td', {class: 'num'}, r.gap === null || r.gap === undefined ? '—' : (r.gap > 0 ? '+' : '') + num(r.gap) + ' ' + (r.gapUnit || '')),
      el('td', {}, el('span', {class: 'badge ' + r.status}, LABELS.status[r.status] || r.status)),
      el('td', {class: 'quote'}, sourceCell(r.target)),
      el('td', {class: 'quote'}, sourceCell(r.actual))));
  }
  if (!t.rows.length) body.append(el('tr', {}, el('td', {colspan: 7, class: 'empty'}, '这一年没有该指标的目标或实际数据。')));
  await yearsAxis(params, label, t);
}

const COMPARE_PARAMS = ['indicator', 'period', 'measure', 'province', 'region', 'level'];
// the panel of the comparison's filters over all years (the period is the one filter it does not take)
const PANEL_PARAMS = ['indicator', 'measure', 'province', 'region', 'level'];

function pick(params, names) {
  const p = new URLSearchParams();
  for (const [k, v] of params) if (names.includes(k)) p.append(k, v);
  return p;
}

/** What no table can place: facts without a region or a year, counted by the catalog. */
function unplacedNote() {
  const note = document.getElementById('unplaced-note');
  const u = catalog.unplaced;
  if (!u) { note.hidden = true; return; }
  note.hidden = false;
  if (!u.facts) { note.textContent = '没有无法定位的指标：每条都有地区和年份。'; return; }
  const why = [u.noRegion ? u.noRegion + ' 条缺地区' : null, u.noPeriod ? u.noPeriod + ' 条缺年份' : null].filter(Boolean);
  note.replaceChildren('另有 ' + u.facts + ' 条指标无法定位：' + why.join('，')
    + (u.noRegion + u.noPeriod > u.facts ? '（有的两者都缺）' : '') + '，不在对比和面板之中。',
    el('a', {href: 'api/indicators?unplaced=true', target: '_blank', rel: 'noopener', 'data-testid': 'unplaced-link'}, '查看这些指标及原因'));
}

/** The years axis of the comparison: one region's targets and actuals over the years, and per year the share
 * of regions that met their target, both from the panel; with the panel's downloads for the same filters. */
async function yearsAxis(params, label, compared) {
  const panelParams = pick(params, PANEL_PARAMS);
  const link = (id, extra) => {
    const p = new URLSearchParams(panelParams);
    for (const [k, v] of Object.entries(extra)) p.set(k, v);
    document.getElementById(id).href = 'api/indicators/panel?' + p.toString();
  };
  link('panel-csv', {format: 'csv'});
  link('panel-csv-nobom', {format: 'csv', bom: 'false'});
  link('panel-xlsx', {format: 'xlsx'});

  const all = await api('api/indicators/panel?' + panelParams.toString());
  const regionRows = new Map();
  for (const r of all.rows) {
    if (!regionRows.has(r.region)) regionRows.set(r.region, []);
    regionRows.get(r.region).push(r);
  }
  // the region shown: the one asked for, else the compared region with the most years of target and actual
  const pairs = (name) => (regionRows.get(name) || []).filter(r => r.target && r.actual).length;
  let region = params.get('yearsRegion');
  if (!region || !regionRows.has(region)) {
    const candidates = compared.rows.filter(r => r.status === 'met' || r.status === 'missed').map(r => r.region);
    const pool = candidates.length ? candidates : [...regionRows.keys()];
    region = pool.slice().sort((a, b) => pairs(b) - pairs(a))[0] || null;
  }
  const select = document.getElementById('years-region');
  select.replaceChildren(...[...regionRows.keys()].sort((a, b) => a.localeCompare(b, 'zh-CN'))
    .map(name => el('option', {value: name, selected: name === region}, name + '（' + regionRows.get(name).length + ' 年）')));
  select.onchange = () => { const next = new URLSearchParams(params); next.set('yearsRegion', select.value); go('compare', next); };

  const summary = document.getElementById('years-summary');
  const regionBox = document.getElementById('years-region-chart');
  const shareBox = document.getElementById('years-share-chart');
  const body = document.querySelector('#years-table tbody');
  body.replaceChildren();
  if (!region) {
    summary.textContent = label + '：没有可放进面板的目标或实际数据。';
    regionBox.hidden = true; shareBox.hidden = true;
    return;
  }
  regionBox.hidden = false; shareBox.hidden = false;
  const mine = await api('api/indicators/panel?' + new URLSearchParams({indicator: compared.indicator,
    measure: compared.measure, region}).toString());
  const rows = mine.rows.filter(r => r.indicator === compared.indicator).sort((a, b) => a.year - b.year);
  regionChart(regionBox, region, label, rows);
  const shares = shareChart(shareBox, label, all.rows);
  summary.textContent = region + ' · ' + label + '：' + rows.length + ' 年，其中 ' + rows.filter(r => r.target && r.actual).length
    + ' 年目标与实际俱全' + (shares.length ? '；达成目标的地区比例有 ' + shares.length + ' 年可算（'
    + (shares.length > 1 ? shares[0].year + '—' : '') + shares[shares.length - 1].year + '年）' : '') + '。';
  for (const r of rows) {
    body.append(el('tr', {class: r.status ? 'status-' + r.status : null},
      el('td', {}, r.year + '年'),
      el('td', {class: 'num'}, valueText(r.target)),
      el('td', {class: 'num'}, valueText(r.actual)),
      el('td', {class: 'num'}, r.revised ? valueText(r.revised) : '—'),
      el('td', {class: 'num'}, r.gap === null || r.gap === undefined ? '—' : (r.gap > 0 ? '+' : '') + num(r.gap) + ' ' + (r.gapUnit || '')),
      el('td', {}, r.status ? el('span', {class: 'badge ' + r.status}, LABELS.status[r.status] || r.status) : ''),
      el('td', {class: 'quote'}, sourceCell(r.target)),
      el('td', {class: 'quote'}, sourceCell(r.actual), r.revised ? el('div', {class: 'muted'}, '修订：', sourceCell(r.revised)) : null)));
  }
}

function sourcedTip(name, v) {
  if (!v) return escapeHtml(name) + '：—';
  return escapeHtml(name) + '：' + escapeHtml(valueText(v)) + (v.reportYear ? '（' + v.reportYear + '年报告'
    + (v.page ? '第' + v.page + '页' + (v.ocr ? '，OCR' : '') : '') + '）' : '')
    + '<br><span style="color:#777">“' + escapeHtml(v.quote || '') + '”</span>';
}

function regionChart(box, region, label, rows) {
  const years = yearsBetween(rows.map(r => r.year));
  const at = new Map(rows.map(r => [r.year, r]));
  const values = (f) => years.map(y => { const v = at.get(y) && at.get(y)[f]; return v ? v.value : null; });
  const unit = (rows.find(r => r.unit) || {}).unit || '';
  chart(box).setOption({
    animation: false,
    title: {text: region + ' · ' + label + ' 历年目标与实际', left: 'center', textStyle: {fontSize: 14}},
    tooltip: {trigger: 'axis', formatter: (items) => {
      const r = at.get(years[items[0].dataIndex]);
      if (!r) return escapeHtml(years[items[0].dataIndex] + '年') + '：没有数据';
      return escapeHtml(r.year + '年') + '<br>' + sourcedTip('目标', r.target) + '<br>' + sourcedTip('实际', r.actual)
        + (r.revised ? '<br>' + sourcedTip('修订', r.revised) : '')
        + (r.status ? '<br>' + escapeHtml(LABELS.status[r.status] || r.status) + (r.gap !== undefined && r.gap !== null
          ? '（' + (r.gap > 0 ? '+' : '') + num(r.gap) + ' ' + escapeHtml(r.gapUnit || '') + '）' : '') : '');
    }},
    legend: {top: 32, data: ['目标', '实际（首次公布）', '实际（修订）']},
    grid: {left: 48, right: 24, top: 80, bottom: 32},
    xAxis: {type: 'category', data: years.map(String)},
    yAxis: {type: 'value', name: unit, scale: true},
    series: [
      {name: '目标', type: 'line', data: values('target'), connectNulls: true, lineStyle: {type: 'dashed'}, symbolSize: 8,
        itemStyle: {color: '#9aa9c2'}},
      {name: '实际（首次公布）', type: 'line', data: values('actual'), connectNulls: true, symbolSize: 8, itemStyle: {color: '#5470c6'}},
      {name: '实际（修订）', type: 'line', data: values('revised'), connectNulls: true, symbol: 'diamond', symbolSize: 10,
        lineStyle: {width: 0}, itemStyle: {color: '#e39c2d'}},
    ],
  });
}

/** Per year, the regions that met their target out of those whose target and actual compare. */
function shareChart(box, label, rows) {
  const byYear = new Map();
  for (const r of rows) {
    if (r.status !== 'met' && r.status !== 'missed') continue;
    if (!byYear.has(r.year)) byYear.set(r.year, {year: r.year, met: [], missed: []});
    byYear.get(r.year)[r.status].push(r.region);
  }
  const shares = [...byYear.values()].sort((a, b) => a.year - b.year);
  const names = (list) => list.length > 12 ? list.slice(0, 12).join('、') + ' 等 ' + list.length + ' 个' : list.join('、');
  chart(box).setOption({
    animation: false,
    title: {text: label + ' 达成目标的地区比例', left: 'center', textStyle: {fontSize: 14}},
    tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}, formatter: (items) => {
      const s = shares[items[0].dataIndex];
      return escapeHtml(s.year + '年') + '：' + s.met.length + ' / ' + (s.met.length + s.missed.length) + ' 个地区达成（'
        + num(100 * s.met.length / (s.met.length + s.missed.length)) + '%）'
        + (s.met.length ? '<br>达成：' + escapeHtml(names(s.met)) : '') + (s.missed.length ? '<br>未达成：' + escapeHtml(names(s.missed)) : '');
    }},
    grid: {left: 48, right: 24, top: 56, bottom: 32},
    xAxis: {type: 'category', data: shares.map(s => String(s.year))},
    yAxis: {type: 'value', name: '%', min: 0, max: 100},
    series: [{name: '达成比例', type: 'bar', barMaxWidth: 48, itemStyle: {color: '#2e8b57'},
      label: {show: true, position: 'top', formatter: (p) => shares[p.dataIndex].met.length + '/'
        + (shares[p.dataIndex].met.length + shares[p.dataIndex].missed.length)},
      data: shares.map(s => Math.round(1000 * s.met.length / (s.met.length + s.missed.length)) / 10)}],
  });
  return shares;
}

function yearsBetween(years) {
  if (!years.length) return [];
  const out = [];
  for (let y = Math.min(...years); y <= Math.max(...years); y++) out.push(y);
  return out;
}

function sourceCell(v) {
  if (!v) return '';
  return el('span', {}, '“' + (v.quote || '') + '” ', reportLink(v.documentId, v.paragraph, (v.reportYear || '') + '年报告', [v.quote]),
    v.page ? ' ' : null, pageRef(v.page, v.ocr));
}

// ---- a region's series -------------------------------------------------------------------------

async function seriesView(params) {
  show('series');
  await loadCatalog();
  const form = document.getElementById('series-form');
  if (!params.has('indicator')) params.set('indicator', 'gdp');
  if (!params.has('region') && catalog.regions.length) {
    const best = catalog.regions.slice().sort((a, b) => b.facts - a.facts)[0];
    params.set('region', best.name);
  }
  fillForm(form, params);
  const charts_ = document.getElementById('series-charts');
  charts_.replaceChildren();
  disposeCharts();
  if (!params.get('region')) return;
  const s = await api('api/indicators/series?' + params.toString());
  const label = s.label ? s.label.zh : s.indicator;
  document.getElementById('series-summary').textContent = s.region + ' · ' + label + '：'
    + (s.measures.length ? s.measures.map(m => LABELS.measure[m.measure] + ' ' + m.points.length + ' 年').join('，') : '没有数据');
  for (const m of s.measures) {
    const box = el('div', {class: 'chart', 'data-testid': 'series-chart'});
    const table = el('table', {class: 'data'},
      el('thead', {}, el('tr', {}, el('th', {}, '年份'), el('th', {class: 'num'}, '目标'), el('th', {class: 'num'}, '实际'),
        el('th', {class: 'num'}, '差距'), el('th', {}, '目标原文'), el('th', {}, '实际原文'))),
      el('tbody', {}, m.points.map(p => el('tr', {},
        el('td', {}, p.period + '年'), el('td', {class: 'num'}, valueText(p.target)), el('td', {class: 'num'}, valueText(p.actual)),
        el('td', {class: 'num'}, p.gap === null || p.gap === undefined ? '—' : (p.gap > 0 ? '+' : '') + num(p.gap)),
        el('td', {class: 'quote'}, sourceCell(p.target)), el('td', {class: 'quote'}, sourceCell(p.actual))))));
    const plan = m.planTargets.length ? el('p', {class: 'muted'}, '规划目标：',
      m.planTargets.map(v => el('span', {class: 'plan'}, v.period + '年 ' + valueText(v) + ' ', sourceCell(v)))) : null;
    charts_.append(el('section', {class: 'series-block'}, el('h3', {}, label + ' · ' + (LABELS.measure[m.measure] || m.measure)
      + (m.unit ? '（' + m.unit + '）' : '')), box, plan, el('div', {class: 'table-wrap'}, table)));
    const c = chart(box);
    const years = m.points.map(p => p.period + '');
    const tip = (v) => v ? escapeHtml(valueText(v)) + (v.page ? '（第' + v.page + '页' + (v.ocr ? '，OCR' : '') + '）' : '')
      + '<br><span style="color:#777">' + escapeHtml(v.quote || '') + '</span>' : '';
    c.setOption({
      animation: false,
      tooltip: {trigger: 'axis', formatter: (items) => {
        const p = m.points[items[0].dataIndex];
        return escapeHtml(p.period + '年') + '<br>目标：' + tip(p.target) + '<br>实际：' + tip(p.actual);
      }},
      legend: {top: 4, data: ['目标', '实际']},
      grid: {left: 56, right: 24, top: 48, bottom: 32},
      xAxis: {type: 'category', data: years},
      yAxis: {type: 'value', name: m.unit || '', scale: true},
      series: [
        {name: '目标', type: 'line', data: m.points.map(p => p.target ? p.target.value : null), connectNulls: true,
          lineStyle: {type: 'dashed'}, symbolSize: 8},
        {name: '实际', type: 'line', data: m.points.map(p => p.actual ? p.actual.value : null), connectNulls: true, symbolSize: 8},
      ],
    });
  }
}

function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[c]);
}

// ---- wiring ------------------------------------------------------------------------------------

document.getElementById('search-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const p = new URLSearchParams();
  const q = document.getElementById('q').value.trim();
  if (q) p.set('q', q);
  const sort = document.getElementById('sort').value;
  if (sort !== 'relevance') p.set('sort', sort);
  go('search', p);
});
document.getElementById('sort').addEventListener('change', () => document.getElementById('search-form').requestSubmit());
for (const [id, view] of [['indicator-form', 'indicators'], ['compare-form', 'compare'], ['series-form', 'series']]) {
  document.getElementById(id).addEventListener('submit', (e) => { e.preventDefault(); go(view, formParams(e.target)); });
}

let rendering = 0;
async function render() {
  const ticket = ++rendering;
  const {path, params} = route();
  showError(null);
  document.body.dataset.state = 'loading';
  try {
    if (path.startsWith('report/')) await reportView(decodeURIComponent(path.slice('report/'.length)), params);
    else if (path === 'indicators') await indicatorsView(params);
    else if (path === 'compare') await compareView(params);
    else if (path === 'series') await seriesView(params);
    else await searchView(params);
  } catch (e) {
    if (ticket === rendering) showError(e);
  } finally {
    if (ticket === rendering) document.body.dataset.state = 'ready';
  }
}
window.addEventListener('hashchange', render);
render();
