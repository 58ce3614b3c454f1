// Welfare entitlement calculator: builds a situation (docs/contract.md, "Situation (input)") from the form,
// posts it to /v1/evaluate or /v1/schedule, and renders the answer. Plain ES2020, no dependencies.
'use strict';

(() => {
  const EVALUATE_URL = '/v1/evaluate';
  const SCHEDULE_URL = '/v1/schedule';
  const TIMEOUT_MS = 60000;
  const MAX_SCHEDULE_MONTHS = 1200;

  const MONTH_RE = /^(19\d{2}|[2-9]\d{3})-(0[1-9]|1[0-2])$/;
  const DATE_RE = /^(19\d{2}|[2-9]\d{3})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

  // ---- Vocabularies (docs/contract.md) ------------------------------------------------------------

  // The Vietnamese names are the library's (ContractNames.VietnameseName); a test keeps them in step.
  const KINDS = {
    'social-allowance': ['Trợ cấp xã hội hằng tháng', 'Monthly social allowance'],
    'disability-care-support': ['Hỗ trợ kinh phí chăm sóc hằng tháng (người khuyết tật)', 'Care support (disabled person)'],
    'carer-support': ['Hỗ trợ kinh phí chăm sóc, nuôi dưỡng hằng tháng', 'Carer support'],
    'institutional-care': ['Trợ cấp nuôi dưỡng tại cơ sở trợ giúp xã hội', 'Nurturing allowance in a facility'],
    'social-pension': ['Trợ cấp hưu trí xã hội', 'Social pension'],
    'social-pension-top-up': ['Hỗ trợ thêm cho người hưởng trợ cấp hưu trí xã hội', 'Social pension top-up'],
    'funeral-support': ['Hỗ trợ chi phí mai táng', 'Funeral support'],
    'cremation-support': ['Hỗ trợ hỏa táng', 'Cremation support'],
    'merit-allowance': ['Trợ cấp, phụ cấp ưu đãi người có công', 'Merit allowance'],
    'merit-carer-allowance': ['Trợ cấp người phục vụ người có công', 'Merit carer allowance'],
  };
  const ONE_OFF_KINDS = new Set(['funeral-support', 'cremation-support']);

  const PAYEES = {
    beneficiary: ['Người hưởng', 'Beneficiary'],
    carer: ['Người chăm sóc, phục vụ', 'Carer'],
  };

  const STATUSES = {
    verified: ['Đã đối chiếu', 'verified'],
    reported: ['Theo nguồn thứ cấp', 'reported'],
    provisional: ['Chưa xác minh', 'provisional'],
  };
  const STATUS_VI_SHORT = { reported: 'theo nguồn thứ cấp', provisional: 'chưa xác minh' };

  const REASONS = {
    'decision-signed-late': ['Quyết định ký sau thời điểm được hưởng', 'Decision signed late'],
    'retroactive-rule': ['Quy định có hiệu lực hồi tố', 'Retroactive rule'],
    underpaid: ['Chi trả thiếu', 'Underpaid'],
    overpaid: ['Chi trả thừa', 'Overpaid'],
  };

  const JURISDICTIONS = { VN: ['Toàn quốc', 'Viet Nam'], 'VN-HN': ['Hà Nội', 'Hanoi'] };

  // Merit categories paid by the body-injury rate: `rate` is required for them.
  const RATE_CATEGORIES = new Set([
    'war-invalid', 'war-invalid-equivalent', 'b-war-invalid', 'sick-soldier',
    'resistance-activist-agent-orange', 'agent-orange-child',
  ]);

  // ---- Small helpers ------------------------------------------------------------------------------

  const $ = (id) => document.getElementById(id);

  /** Creates an element: attrs holds attributes (class, lang, data-*, …), text, hidden; children may be strings. */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    if (attrs) {
      for (const [name, value] of Object.entries(attrs)) {
        if (value === undefined || value === null || value === false) continue;
        if (name === 'text') node.textContent = String(value);
        else if (name === 'hidden') node.hidden = true;
        else node.setAttribute(name, value === true ? '' : String(value));
      }
    }
    append(node, children);
    return node;
  }

  function append(node, children) {
    for (const child of children) {
      if (child === undefined || child === null || child === false) continue;
      if (Array.isArray(child)) append(node, child);
      else node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }

  /** Vietnamese text with its English beside it: "Tổng / <span lang=en>Total</span>". */
  function bi(vi, en) {
    const frag = document.createDocumentFragment();
    frag.append(vi, ' ', el('span', { lang: 'en', class: 'tr', text: '/ ' + en }));
    return frag;
  }

  let numberFormat = null;
  try {
    const candidate = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
    if (candidate.format(1234567) === '1.234.567') numberFormat = candidate;
  } catch (_) {
    numberFormat = null;
  }

  function groupDigits(n) {
    const negative = n < 0;
    const digits = String(Math.round(Math.abs(n)));
    const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    return (negative ? '-' : '') + grouped;
  }

  /** An amount the Vietnamese way: "3.667.000 đ". */
  function money(n) {
    if (typeof n !== 'number' || !Number.isFinite(n)) return '—';
    return (numberFormat ? numberFormat.format(n) : groupDigits(n)) + ' đ';
  }

  function percent(share) {
    if (typeof share !== 'number' || !Number.isFinite(share)) return '—';
    const value = Math.round(share * 10000) / 100;
    return String(value).replace('.', ',') + '%';
  }

  /** "2024-07" → "07/2024"; "1950-03-01" → "01/03/1950"; anything else unchanged. */
  function viDate(text) {
    if (typeof text !== 'string') return '';
    let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (m) return `${m[3]}/${m[2]}/${m[1]}`;
    m = /^(\d{4})-(\d{2})$/.exec(text);
    if (m) return `${m[2]}/${m[1]}`;
    return text;
  }

  function timeEl(value) {
    return el('time', { datetime: value, text: viDate(value) });
  }

  function statusOf(item) {
    if (item && typeof item.status === 'string' && STATUSES[item.status]) return item.status;
    return item && item.provisional ? 'provisional' : 'verified';
  }

  function badge(status) {
    const [vi, en] = STATUSES[status] || [status, status];
    return el('span', { class: `badge badge-${status}`, text: `${vi} / ${en}` });
  }

  function citationVi(c) {
    let text = '';
    if (c.appendix) {
      if (c.row) text += `STT ${c.row} `;
      text += `Phụ lục ${c.appendix}, `;
    }
    if (c.point) text += `điểm ${c.point} `;
    if (c.clause) text += `khoản ${c.clause} `;
    text += `Điều ${c.article} ${c.instrument}`;
    return text;
  }

  function citationEn(c) {
    let text = `${c.instrument} Art ${c.article}`;
    if (c.clause) text += ` k${c.clause}`;
    if (c.point) text += ` ${c.point}`;
    if (c.appendix) {
      text += `, Appendix ${c.appendix}`;
      if (c.row) text += ` row ${c.row}`;
    }
    if (c.status && c.status !== 'verified') text += ` [${c.status}]`;
    return text;
  }

  function basisList(basis) {
    const list = el('ul', { class: 'basis' });
    for (const c of Array.isArray(basis) ? basis : []) {
      if (!c || typeof c !== 'object') continue;
      const status = statusOf(c);
      const item = el('li', { title: citationEn(c), class: `citation citation-${status}` }, citationVi(c));
      if (status !== 'verified') {
        item.append(' ', el('span', { class: `grade grade-${status}`, text: `[${STATUS_VI_SHORT[status]}]` }));
      }
      list.append(item);
    }
    return list;
  }

  function kindLabel(kind) {
    return KINDS[kind] || [kind, kind];
  }

  // ---- Errors -------------------------------------------------------------------------------------

  class FormError extends Error {
    constructor(message, control) {
      super(message);
      this.control = control || null;
    }
  }

  function clearError() {
    const box = $('error');
    box.textContent = '';
    box.hidden = true;
    for (const node of document.querySelectorAll('[aria-invalid="true"]')) node.removeAttribute('aria-invalid');
  }

  /** Shows an error: vi and en lines, an optional JSON path, and a control to go to. */
  function showError(vi, en, options = {}) {
    const box = $('error');
    box.textContent = '';
    box.append(el('p', { class: 'error-title' }, el('strong', { text: vi })));
    if (en) box.append(el('p', { lang: 'en', class: 'tr', text: en }));
    if (options.detail) box.append(el('p', { class: 'error-detail', lang: 'en', text: options.detail }));
    if (options.path) {
      box.append(el('p', { class: 'error-path' }, 'Trường dữ liệu ', el('span', { lang: 'en', class: 'tr', text: '/ Field' }), ': ',
        el('code', { text: options.path })));
    }
    const control = options.control;
    if (control) {
      control.setAttribute('aria-invalid', 'true');
      const go = el('button', { type: 'button', class: 'secondary go-to-field' }, bi('Đến ô cần sửa', 'Go to the field'));
      go.addEventListener('click', () => focusControl(control));
      box.append(go);
    }
    box.hidden = false;
  }

  function focusControl(control) {
    const details = control.closest('details');
    if (details) details.open = true;
    control.focus();
    if (typeof control.scrollIntoView === 'function') control.scrollIntoView({ block: 'center' });
  }

  /** The form control a JSON path of the situation names, if any ($.person.birthDate → #birthDate). */
  function controlForPath(path) {
    if (typeof path !== 'string') return null;
    let m = /^\$(?:\.situation)?\.person\.merit\[(\d+)\](?:\.(\w+))?/.exec(path);
    if (m) {
      const row = document.querySelectorAll('#merit-list .merit-row')[Number(m[1])];
      if (!row) return null;
      return (m[2] && row.querySelector(`[data-field="${m[2]}"]`)) || row.querySelector('[data-field="category"]');
    }
    m = /^\$(?:\.situation)?\.person\.childrenRaisedAlone\[(\d+)\](?:\.(\w+))?/.exec(path);
    if (m) {
      const row = document.querySelectorAll('#children-list .child-row')[Number(m[1])];
      if (!row) return null;
      return (m[2] && row.querySelector(`[data-field="${m[2]}"]`)) || row.querySelector('[data-field="birthDate"]');
    }
    const ids = {
      '$.id': 'caseId',
      '$.jurisdiction': 'jurisdiction',
      '$.month': 'month',
      '$.from': 'scheduleFrom',
      '$.to': 'scheduleTo',
      '$.situation.id': 'caseId',
    };
    if (ids[path]) return $(ids[path]);
    m = /^\$(?:\.situation)?\.person(?:\.household)?\.(\w+)$/.exec(path);
    if (m) return $(m[1]);
    m = /^\$\.situation\.(\w+)$/.exec(path);
    if (m) return $(m[1]);
    return null;
  }

  // ---- Reading the form ---------------------------------------------------------------------------

  function text(id) {
    const node = $(id);
    return node ? node.value.trim() : '';
  }

  function checked(id) {
    const node = $(id);
    return Boolean(node && node.checked);
  }

  function monthOf(control, required) {
    const value = control.value.trim();
    if (!value) {
      if (required) throw new FormError('Chưa nhập tháng (yyyy-mm).|Enter a month (yyyy-mm).', control);
      return null;
    }
    if (!MONTH_RE.test(value)) throw new FormError(`Tháng “${value}” không hợp lệ, cần dạng yyyy-mm từ 1900.|“${value}” is not a month (yyyy-mm, from 1900).`, control);
    return value;
  }

  function dateOf(control, required) {
    const value = control.value.trim();
    if (!value) {
      if (required) throw new FormError('Chưa nhập ngày (yyyy-mm-dd).|Enter a date (yyyy-mm-dd).', control);
      return null;
    }
    if (!DATE_RE.test(value)) throw new FormError(`Ngày “${value}” không hợp lệ, cần dạng yyyy-mm-dd từ 1900.|“${value}” is not a date (yyyy-mm-dd, from 1900).`, control);
    return value;
  }

  function integerOf(control, min, max, fallback) {
    const value = control.value.trim();
    if (value === '') {
      if (control.validity && control.validity.badInput) {
        throw new FormError('Giá trị không phải là số nguyên.|Not a whole number.', control);
      }
      return fallback;
    }
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) {
      throw new FormError(`“${value}” không hợp lệ: cần số nguyên từ ${min} đến ${max}.|“${value}” is not a whole number from ${min} to ${max}.`, control);
    }
    return n;
  }

  function readMerit(row) {
    const field = (name) => row.querySelector(`[data-field="${name}"]`);
    const categoryControl = field('category');
    const category = categoryControl.value;
    if (!category) throw new FormError('Chưa chọn diện người có công.|Choose the merit category.', categoryControl);
    const record = { category };

    const rate = integerOf(field('rate'), 0, 100, null);
    if (rate !== null) record.rate = rate;
    else if (RATE_CATEGORIES.has(category)) {
      throw new FormError('Diện này cần tỷ lệ tổn thương cơ thể (0–100%).|This category needs the body-injury rate (0–100%).', field('rate'));
    }
    if (field('especiallySevere').checked) record.especiallySevere = true;
    if (category === 'martyr-relative') {
      const martyrs = integerOf(field('martyrs'), 1, 100, 1);
      if (martyrs !== 1) record.martyrs = martyrs;
    }
    if (field('livesAlone').checked) record.livesAlone = true;
    if (!field('livesWithFamily').checked) record.livesWithFamily = false;
    if (category === 'pre-1945-activist') {
      record.detached = field('detached').checked;
      const years = integerOf(field('seniorityYears'), 0, 100, 0);
      if (years !== 0) record.seniorityYears = years;
    }
    if (category === 'revolution-helper') {
      const award = field('award').value;
      if (!award) throw new FormError('Diện này cần hình thức khen thưởng.|This category needs the award.', field('award'));
      record.award = award;
    }
    const recognisedOn = dateOf(field('recognisedOn'), false);
    if (recognisedOn) record.recognisedOn = recognisedOn;
    return record;
  }

  /** The situation of the form, with only the facts that differ from their defaults. */
  function readSituation() {
    const situation = {};
    const caseId = text('caseId');
    if (caseId) situation.id = caseId;
    situation.jurisdiction = text('jurisdiction') || 'VN';
    situation.month = monthOf($('month'), true);

    const person = { birthDate: dateOf($('birthDate'), true) };
    const deathDate = dateOf($('deathDate'), false);
    if (deathDate) person.deathDate = deathDate;
    if (text('deathCause') === 'disaster') person.deathCause = 'disaster';
    if (checked('cremated')) person.cremated = true;
    if (checked('permanentResident')) person.permanentResident = true;

    const household = {};
    if (text('poverty') && text('poverty') !== 'none') household.poverty = text('poverty');
    if (text('area') === 'rural') household.area = 'rural';
    if (checked('extremelyDifficultArea')) household.extremelyDifficultArea = true;
    const escaped = monthOf($('escapedPovertyMonth'), false);
    if (escaped) household.escapedPovertyMonth = escaped;
    if (checked('averageLivingStandardFarming')) household.averageLivingStandardFarming = true;
    if (Object.keys(household).length > 0) person.household = household;

    if (text('orphanhood') && text('orphanhood') !== 'none') person.orphanhood = text('orphanhood');
    if (checked('inEducation')) person.inEducation = true;
    if (checked('hivPositive')) person.hivPositive = true;
    if (text('disability') && text('disability') !== 'none') person.disability = text('disability');
    const certified = dateOf($('disabilityCertifiedOn'), false);
    if (certified) person.disabilityCertifiedOn = certified;

    const children = [];
    for (const row of document.querySelectorAll('#children-list .child-row')) {
      const child = { birthDate: dateOf(row.querySelector('[data-field="birthDate"]'), true) };
      if (row.querySelector('[data-field="inEducation"]').checked) child.inEducation = true;
      children.push(child);
    }
    if (children.length > 0) person.childrenRaisedAlone = children;

    if (checked('withoutSupporter')) person.withoutSupporter = true;
    if (checked('receivesPension')) person.receivesPension = true;
    if (checked('pensionBelowSocialPension')) person.pensionBelowSocialPension = true;
    if (checked('parentReceivesAllowance')) person.parentReceivesAllowance = true;
    if (checked('parentDetained')) person.parentDetained = true;
    if (text('livingArrangement') && text('livingArrangement') !== 'family') person.livingArrangement = text('livingArrangement');
    if (checked('eligibleForFacilityCare')) person.eligibleForFacilityCare = true;
    if (checked('pregnant')) person.pregnant = true;
    const under36 = integerOf($('childrenUnder36Months'), 0, 2147483647, 0);
    if (under36 > 0) person.childrenUnder36Months = under36;
    const signed = dateOf($('decisionSignedOn'), false);
    if (signed) person.decisionSignedOn = signed;
    if (checked('ethnicMinority')) person.ethnicMinority = true;
    if (checked('student')) person.student = true;
    if (checked('hasOtherHealthInsurance')) person.hasOtherHealthInsurance = true;
    const order = integerOf($('healthInsuranceHouseholdOrder'), 0, 2147483647, 0);
    if (order > 0) person.healthInsuranceHouseholdOrder = order;

    const merit = [];
    for (const row of document.querySelectorAll('#merit-list .merit-row')) merit.push(readMerit(row));
    if (merit.length > 0) person.merit = merit;

    situation.person = person;
    return situation;
  }

  function showFormError(err) {
    const [vi, en] = String(err.message).split('|');
    showError(vi, en, { control: err.control });
    if (err.control) focusControl(err.control);
  }

  // ---- Talking to the server ----------------------------------------------------------------------

  const inflight = new Map();

  /** Posts JSON; returns the parsed answer, or null after showing the error. */
  async function postJson(url, body, button, region) {
    const previous = inflight.get(url);
    if (previous) previous.abort();
    const controller = new AbortController();
    inflight.set(url, controller);
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; controller.abort(); }, TIMEOUT_MS);
    const hadFocus = document.activeElement === button;
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    region.setAttribute('aria-busy', 'true');
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json, application/problem+json' },
        body: JSON.stringify(body),
        cache: 'no-store',
        signal: controller.signal,
      });
      const raw = await response.text();
      let data = null;
      try {
        data = raw ? JSON.parse(raw) : null;
      } catch (_) {
        data = null;
      }
      if (!response.ok) {
        showProblem(response, data, raw);
        return null;
      }
      if (!data || typeof data !== 'object') {
        showError('Máy chủ trả lời không đúng định dạng JSON.', 'The server did not answer with JSON.',
          { detail: `HTTP ${response.status}` });
        return null;
      }
      return data;
    } catch (err) {
      if (err && err.name === 'AbortError') {
        if (timedOut) {
          showError('Máy chủ không trả lời kịp; vui lòng thử lại.', `The server did not answer within ${TIMEOUT_MS / 1000} seconds; try again.`);
        }
        return null;
      }
      showError('Không kết nối được với máy chủ. Kiểm tra máy chủ còn chạy rồi thử lại.',
        'Could not reach the server. Check that it is running and try again.',
        { detail: err && err.message ? String(err.message) : null });
      return null;
    } finally {
      clearTimeout(timer);
      if (inflight.get(url) === controller) {
        inflight.delete(url);
        button.disabled = false;
        button.removeAttribute('aria-busy');
        region.removeAttribute('aria-busy');
        if (hadFocus && (document.activeElement === document.body || document.activeElement === null)) button.focus();
      }
    }
  }

  function showProblem(response, problem, raw) {
    const isProblem = problem && typeof problem === 'object';
    const detail = isProblem && typeof problem.detail === 'string' ? problem.detail : null;
    const title = isProblem && typeof problem.title === 'string' ? problem.title : null;
    const path = isProblem && typeof problem.path === 'string' ? problem.path : null;
    const status = response.status;
    let vi;
    let en;
    if (status === 400 || status === 422) {
      vi = 'Dữ liệu nhập chưa hợp lệ.';
      en = 'The input was refused.';
    } else if (status === 404) {
      vi = 'Máy chủ không có địa chỉ này.';
      en = 'The server does not know this address.';
    } else if (status >= 500) {
      vi = 'Máy chủ gặp lỗi khi tính.';
      en = 'The server failed.';
    } else {
      vi = 'Máy chủ từ chối yêu cầu.';
      en = 'The server refused the request.';
    }
    let shown = detail || title;
    if (!shown) {
      const snippet = (raw || '').replace(/\s+/g, ' ').trim().slice(0, 300);
      shown = `HTTP ${status} ${response.statusText || ''}`.trim() + (snippet ? `: ${snippet}` : '');
    } else if (detail && title && !detail.includes(title)) {
      shown = `${title}: ${detail}`;
    }
    showError(vi, en, { detail: shown, path, control: controlForPath(path) });
  }

  // ---- Rendering the report -----------------------------------------------------------------------

  let lastSituation = null;

  function meritLabel(index) {
    const records = lastSituation && lastSituation.person && lastSituation.person.merit;
    const record = Array.isArray(records) ? records[index] : null;
    let label = `Diện NCC ${index + 1}`;
    if (record) {
      const option = document.querySelector(`#merit-template`)?.content.querySelector(`option[value="${CSS.escape(record.category)}"]`);
      const name = option ? option.textContent.replace(/\s*\([^)]*\)\s*$/, '') : record.category;
      label += `: ${name}`;
      if (typeof record.rate === 'number') label += ` ${record.rate}%`;
    }
    return label;
  }

  function entitlementRow(item) {
    const status = statusOf(item);
    const [vi, en] = kindLabel(item.kind);
    const [payeeVi, payeeEn] = PAYEES[item.payee] || [item.payee, item.payee];
    const row = el('tr', {
      class: `status-${status}${status === 'verified' ? '' : ' ' + status}`,
      'data-kind': item.kind,
      'data-amount': String(item.amount),
      'data-status': status,
    });

    const kindCell = el('th', { scope: 'row' }, vi, el('span', { lang: 'en', class: 'sub', text: `${en} (${item.kind})` }));
    if (ONE_OFF_KINDS.has(item.kind)) kindCell.append(el('span', { class: 'tag', text: 'Một lần / one-off' }));
    row.append(kindCell);
    row.append(el('td', {}, payeeVi, el('span', { lang: 'en', class: 'sub', text: payeeEn })));

    const groupCell = el('td', {});
    if (item.group) groupCell.append(el('code', { text: item.group }));
    if (typeof item.meritRecord === 'number') {
      groupCell.append(el('span', { class: 'sub', text: meritLabel(item.meritRecord) }));
    }
    if (!item.group && typeof item.meritRecord !== 'number') groupCell.append('—');
    row.append(groupCell);

    const amountCell = el('td', { class: 'num' }, el('span', { class: 'amount', text: money(item.amount) }));
    if (typeof item.coefficient === 'number') {
      amountCell.append(el('span', { class: 'sub', text: `hệ số / coefficient ${String(item.coefficient).replace('.', ',')}` }));
    }
    row.append(amountCell);
    row.append(el('td', {}, badge(status)));
    row.append(el('td', {}, basisList(item.basis)));
    return row;
  }

  function entitlementsTable(entitlements) {
    const head = el('tr', {},
      el('th', { scope: 'col' }, bi('Khoản', 'Kind')),
      el('th', { scope: 'col' }, bi('Người nhận', 'Payee')),
      el('th', { scope: 'col' }, bi('Nhóm', 'Group')),
      el('th', { scope: 'col', class: 'num' }, bi('Số tiền', 'Amount')),
      el('th', { scope: 'col' }, bi('Mức xác minh', 'Status')),
      el('th', { scope: 'col' }, bi('Căn cứ', 'Basis')));
    const body = el('tbody', {}, entitlements.map(entitlementRow));
    return el('div', { class: 'table-wrap' },
      el('table', { id: 'entitlements', class: 'data' },
        el('caption', {}, bi('Các khoản được hưởng', 'Entitlements')),
        el('thead', {}, head),
        body));
  }

  function healthInsuranceBlock(hi) {
    const section = el('section', { class: 'block health-insurance', 'aria-labelledby': 'hi-heading' },
      el('h3', { id: 'hi-heading' }, bi('Bảo hiểm y tế', 'Health insurance')));
    if (!hi || typeof hi !== 'object') {
      section.append(el('p', { class: 'muted' },
        'Không tính bảo hiểm y tế: đã có thẻ theo diện khác, đã mất trước tháng này, hoặc chưa có mức lương cơ sở cho tháng này. ',
        el('span', { lang: 'en', class: 'tr', text: 'No health-insurance block: another card, died before the month, or no base salary encoded.' })));
      return section;
    }
    const status = statusOf(hi);
    const row = (vi, en, value, id) => [el('dt', {}, bi(vi, en)), el('dd', { id, class: 'num' }, value)];
    section.append(
      el('dl', { class: 'figures' },
        row('Mức đóng hằng tháng', 'Monthly premium', money(hi.premium), 'hi-premium'),
        row('Tỷ lệ Nhà nước hỗ trợ', 'State share', percent(hi.stateShare), 'hi-stateShare'),
        row('Nhà nước đóng', 'State pays', money(hi.statePays), 'hi-statePays'),
        row('Người tham gia đóng', 'Person pays', money(hi.personPays), 'hi-personPays')),
      el('p', {}, badge(status)),
      el('div', { class: 'basis-block' }, el('span', { class: 'label' }, bi('Căn cứ', 'Basis')), basisList(hi.basis)));
    if (status !== 'verified') section.classList.add(status);
    return section;
  }

  function pairedItem(vi, en) {
    const item = el('li', {});
    if (vi) item.append(el('span', { class: 'vi', lang: 'vi', text: vi }));
    if (en) item.append(el('span', { class: 'en', lang: 'en', text: en }));
    return item;
  }

  function pairedList(tag, id, vis, ens) {
    const vi = Array.isArray(vis) ? vis : [];
    const en = Array.isArray(ens) ? ens : [];
    const list = el(tag, { id });
    const count = Math.max(vi.length, en.length);
    for (let i = 0; i < count; i++) list.append(pairedItem(vi[i], en[i]));
    return list;
  }

  function requestDetails(body) {
    return el('details', { class: 'request' },
      el('summary', {}, bi('Dữ liệu đã gửi', 'Request sent')),
      el('pre', {}, el('code', { text: JSON.stringify(body, null, 2) })));
  }

  function renderReport(report, situation) {
    lastSituation = situation;
    const region = $('result');
    region.textContent = '';
    region.classList.remove('is-stale');
    const jurisdiction = report.jurisdiction || situation.jurisdiction;
    const [jVi, jEn] = JURISDICTIONS[jurisdiction] || [jurisdiction, jurisdiction];
    const month = report.month || situation.month;
    const status = statusOf(report);
    const entitlements = Array.isArray(report.entitlements) ? report.entitlements : [];

    region.append(el('h2', { id: 'result-heading' },
      `Kết quả tháng ${viDate(month)} · ${jVi} `,
      el('span', { lang: 'en', class: 'tr', text: `/ Result for ${month}, ${jEn}` })));

    const facts = el('p', { class: 'facts' });
    if (report.id) facts.append(bi('Số hồ sơ', 'Case'), ': ', el('strong', { text: report.id }), ' · ');
    facts.append(bi('Ngày sinh', 'Born'), ': ', timeEl(situation.person.birthDate));
    if (situation.person.deathDate) facts.append(' · ', bi('Ngày mất', 'Died'), ': ', timeEl(situation.person.deathDate));
    facts.append(' · ', bi('Mức xác minh chung', 'Overall status'), ': ', badge(status));
    region.append(facts);

    if (report.standard && typeof report.standard === 'object') {
      region.append(el('div', { class: 'standard' },
        el('p', {}, bi('Mức chuẩn trợ giúp xã hội', 'Social-assistance standard'), ': ',
          el('strong', { class: 'num', id: 'standard', text: money(report.standard.amount) })),
        basisList(report.standard.basis)));
    }

    if (entitlements.length === 0) {
      region.append(el('p', { class: 'empty' },
        'Không có khoản nào được hưởng trong tháng này. ',
        el('span', { lang: 'en', class: 'tr', text: 'Nothing is due this month.' })));
    }
    region.append(entitlementsTable(entitlements));

    region.append(el('dl', { class: 'totals' },
      el('dt', {}, bi('Tổng', 'Total')),
      el('dd', {}, el('strong', { id: 'total', class: 'num', 'data-amount': String(report.total), text: money(report.total) })),
      el('dt', {}, bi('Tổng hằng tháng (không kể khoản một lần)', 'Monthly total (without one-off support)')),
      el('dd', {}, el('span', { id: 'monthlyTotal', class: 'num', 'data-amount': String(report.monthlyTotal), text: money(report.monthlyTotal) }))));

    region.append(healthInsuranceBlock(report.healthInsurance));

    const warningsVi = Array.isArray(report.warningsVi) ? report.warningsVi : [];
    const warningsEn = Array.isArray(report.warnings) ? report.warnings : [];
    if (warningsVi.length > 0 || warningsEn.length > 0) {
      region.append(el('section', { class: 'block warnings', 'aria-labelledby': 'warnings-heading' },
        el('h3', { id: 'warnings-heading' }, bi('Cảnh báo', 'Warnings')),
        pairedList('ul', 'warnings', warningsVi, warningsEn)));
    }

    region.append(el('section', { class: 'block explanation', 'aria-labelledby': 'explanation-heading' },
      el('h3', { id: 'explanation-heading' }, bi('Diễn giải từng bước', 'Explanation, step by step')),
      pairedList('ol', 'explanation', report.explanationVi, report.explanation)));

    region.append(requestDetails(situation));
  }

  // ---- Rendering the schedule ---------------------------------------------------------------------

  function scheduleRow(month) {
    const entitlements = Array.isArray(month.entitlements) ? month.entitlements : [];
    const weakest = entitlements.some((e) => statusOf(e) === 'provisional') ? 'provisional'
      : entitlements.some((e) => statusOf(e) === 'reported') ? 'reported' : 'verified';
    const row = el('tr', {
      'data-month': month.month,
      'data-due': String(month.due),
      'data-paid': String(month.paid),
      'data-owed': String(month.owed),
      class: `status-${weakest}${weakest === 'verified' ? '' : ' ' + weakest}`,
    });
    row.append(el('th', { scope: 'row' }, timeEl(month.month)));
    row.append(el('td', { class: 'num', text: money(month.due) }));
    row.append(el('td', { class: 'num', text: money(month.paid) }));
    row.append(el('td', { class: `num${month.owed < 0 ? ' negative' : ''}`, text: money(month.owed) }));

    const reasonCell = el('td', {});
    if (month.reason) {
      const [vi, en] = REASONS[month.reason] || [month.reason, month.reason];
      reasonCell.append(vi, el('span', { lang: 'en', class: 'sub', text: en }));
      if (month.reasonDetail) reasonCell.append(el('span', { lang: 'en', class: 'sub', text: month.reasonDetail }));
    } else {
      reasonCell.append('—');
    }
    row.append(reasonCell);

    const kinds = el('ul', { class: 'kinds' });
    for (const e of entitlements) {
      const status = statusOf(e);
      const item = el('li', { 'data-kind': e.kind }, `${kindLabel(e.kind)[0]}: ${money(e.amount)}`);
      if (status !== 'verified') item.append(' ', el('span', { class: `grade grade-${status}`, text: `[${STATUS_VI_SHORT[status]}]` }));
      kinds.append(item);
    }
    row.append(el('td', {}, entitlements.length ? kinds : '—'));
    return row;
  }

  function renderSchedule(schedule, body) {
    const region = $('schedule-result');
    region.textContent = '';
    const months = Array.isArray(schedule.months) ? schedule.months : [];
    const from = schedule.from || body.from;
    const to = schedule.to || body.to;
    region.append(el('h2', { id: 'schedule-heading' },
      `Bảng theo tháng ${viDate(from)} – ${viDate(to)} `,
      el('span', { lang: 'en', class: 'tr', text: `/ Month-by-month schedule, ${from} to ${to}` })));

    const head = el('tr', {},
      el('th', { scope: 'col' }, bi('Tháng', 'Month')),
      el('th', { scope: 'col', class: 'num' }, bi('Phải trả', 'Due')),
      el('th', { scope: 'col', class: 'num' }, bi('Đã trả', 'Paid')),
      el('th', { scope: 'col', class: 'num' }, bi('Còn thiếu', 'Owed')),
      el('th', { scope: 'col' }, bi('Lý do', 'Reason')),
      el('th', { scope: 'col' }, bi('Các khoản', 'Entitlements')));
    const foot = el('tr', { class: 'totals-row' },
      el('th', { scope: 'row' }, bi('Tổng', 'Total')),
      el('td', { class: 'num', id: 'schedule-totalDue', text: money(schedule.totalDue) }),
      el('td', { class: 'num', id: 'schedule-totalPaid', text: money(schedule.totalPaid) }),
      el('td', { class: `num${schedule.totalOwed < 0 ? ' negative' : ''}`, id: 'schedule-totalOwed', text: money(schedule.totalOwed) }),
      el('td', {}), el('td', {}));
    region.append(el('div', { class: 'table-wrap' },
      el('table', { id: 'schedule-table', class: 'data' },
        el('caption', {}, bi('Số tiền từng tháng, theo quy định của tháng đó', 'Each month on its own law')),
        el('thead', {}, head),
        el('tbody', {}, months.map(scheduleRow)),
        el('tfoot', {}, foot))));
    region.append(requestDetails(body));
  }

  // ---- Actions ------------------------------------------------------------------------------------

  async function evaluate() {
    clearError();
    let situation;
    try {
      situation = readSituation();
    } catch (err) {
      if (err instanceof FormError) { showFormError(err); return; }
      throw err;
    }
    const report = await postJson(EVALUATE_URL, situation, $('evaluate'), $('result'));
    if (report) {
      try {
        renderReport(report, situation);
      } catch (err) {
        showError('Không hiển thị được kết quả.', 'Could not display the result.', { detail: String(err && err.message) });
      }
    }
  }

  function monthIndex(value) {
    const [y, m] = value.split('-').map(Number);
    return y * 12 + (m - 1);
  }

  async function schedule() {
    clearError();
    let body;
    try {
      const situation = readSituation();
      const from = monthOf($('scheduleFrom'), true);
      const to = monthOf($('scheduleTo'), true);
      if (monthIndex(from) > monthIndex(to)) {
        throw new FormError('“Từ tháng” phải trước hoặc bằng “Đến tháng”.|“From” must not be after “To”.', $('scheduleTo'));
      }
      if (monthIndex(to) - monthIndex(from) + 1 > MAX_SCHEDULE_MONTHS) {
        throw new FormError(`Tối đa ${MAX_SCHEDULE_MONTHS} tháng.|At most ${MAX_SCHEDULE_MONTHS} months.`, $('scheduleTo'));
      }
      body = { situation, from, to };
    } catch (err) {
      if (err instanceof FormError) { showFormError(err); return; }
      throw err;
    }
    const result = await postJson(SCHEDULE_URL, body, $('schedule'), $('schedule-result'));
    if (result) {
      try {
        renderSchedule(result, body);
      } catch (err) {
        showError('Không hiển thị được bảng.', 'Could not display the schedule.', { detail: String(err && err.message) });
      }
    }
  }

  // ---- Repeatable rows ----------------------------------------------------------------------------

  let rowSequence = 0;

  function renumber(list, vi, en) {
    const rows = list.querySelectorAll('.row');
    rows.forEach((row, i) => {
      const number = row.querySelector('.row-number');
      if (number) number.textContent = String(i + 1);
      const remove = row.querySelector('[data-action="remove"]');
      if (remove) remove.setAttribute('aria-label', `Xóa ${vi} ${i + 1} / Remove ${en} ${i + 1}`);
    });
  }

  function updateMeritRow(row) {
    const category = row.querySelector('[data-field="category"]').value;
    for (const part of row.querySelectorAll('[data-show-for]')) {
      const show = part.getAttribute('data-show-for') === category;
      part.hidden = !show;
      for (const control of part.querySelectorAll('input, select')) control.disabled = !show;
    }
    const award = row.querySelector('[data-field="award"]');
    award.required = category === 'revolution-helper';
    const rate = row.querySelector('[data-field="rate"]');
    const needsRate = RATE_CATEGORIES.has(category);
    rate.required = needsRate;
    const marker = row.querySelector('.req');
    if (marker) marker.hidden = !needsRate;
  }

  function addRow(kind) {
    const isMerit = kind === 'merit';
    const list = $(isMerit ? 'merit-list' : 'children-list');
    const template = $(isMerit ? 'merit-template' : 'child-template');
    const row = template.content.firstElementChild.cloneNode(true);
    const prefix = `${kind}-${++rowSequence}`;
    row.id = prefix;
    for (const control of row.querySelectorAll('[data-field]')) control.id = `${prefix}-${control.getAttribute('data-field')}`;
    for (const label of row.querySelectorAll('label[data-for]')) label.htmlFor = `${prefix}-${label.getAttribute('data-for')}`;
    list.append(row);
    if (isMerit) {
      row.querySelector('[data-field="category"]').addEventListener('change', () => updateMeritRow(row));
      updateMeritRow(row);
      renumber(list, 'diện', 'merit record');
    } else {
      renumber(list, 'con', 'child');
    }
    row.querySelector('[data-action="remove"]').addEventListener('click', () => removeRow(row, kind));
    const first = row.querySelector('select, input');
    if (first) first.focus();
    return row;
  }

  function removeRow(row, kind) {
    const list = row.parentElement;
    const next = row.nextElementSibling || row.previousElementSibling;
    row.remove();
    if (kind === 'merit') renumber(list, 'diện', 'merit record');
    else renumber(list, 'con', 'child');
    const target = next ? next.querySelector('select, input') : $(kind === 'merit' ? 'add-merit' : 'add-child');
    if (target) target.focus();
    markStale();
  }

  // ---- Staleness, reset, wiring -------------------------------------------------------------------

  function markStale() {
    const region = $('result');
    if (!region.querySelector('#entitlements') || region.classList.contains('is-stale')) return;
    region.classList.add('is-stale');
    const heading = region.querySelector('h2');
    const note = el('p', { class: 'stale-note' },
      'Thông tin đã thay đổi sau lần tính này; bấm “Tính trợ cấp” để cập nhật. ',
      el('span', { lang: 'en', class: 'tr', text: 'The facts changed since this result; press Calculate to update it.' }));
    if (heading) heading.after(note);
    else region.prepend(note);
  }

  function init() {
    const form = $('situation-form');
    const scheduleForm = $('schedule-form');
    if (!form || !scheduleForm) return;

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      evaluate();
    });

    scheduleForm.addEventListener('submit', (event) => {
      event.preventDefault();
      if (!form.reportValidity()) return;
      schedule();
    });

    // A control inside the closed "More facts" cannot show its validation message: open it first.
    form.addEventListener('invalid', (event) => {
      const details = event.target.closest && event.target.closest('details');
      if (details) details.open = true;
    }, true);

    const onEdit = (event) => {
      if (event.target && event.target.removeAttribute) event.target.removeAttribute('aria-invalid');
      markStale();
    };
    form.addEventListener('input', onEdit);
    form.addEventListener('change', onEdit);

    form.addEventListener('reset', () => {
      $('children-list').textContent = '';
      $('merit-list').textContent = '';
      $('more-facts').open = false;
      clearError();
      lastSituation = null;
      const result = $('result');
      result.textContent = '';
      result.classList.remove('is-stale');
      result.append(el('h2', { id: 'result-heading', class: 'visually-hidden' }, bi('Kết quả', 'Result')));
      const scheduleResult = $('schedule-result');
      scheduleResult.textContent = '';
      scheduleResult.append(el('h2', { id: 'schedule-heading', class: 'visually-hidden' }, bi('Bảng theo tháng', 'Month-by-month schedule')));
    });

    $('add-child').addEventListener('click', () => { addRow('child'); markStale(); });
    $('add-merit').addEventListener('click', () => { addRow('merit'); markStale(); });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
