import { CONTACT_FIELDS, type ContactImportMapping } from '../../contracts/index.js';
import { isBlank, type Cell } from '../../shared/tables/read-table.js';
import { DomainError } from '../../shared/errors.js';
import { readEmail, readPhone } from './cells.js';

type Field = (typeof CONTACT_FIELDS)[number];

/** Header words (lower case, letters and digits only) in English and Hinglish, per field. */
const HEADERS: [Field, string[]][] = [
  ['waId', ['waid', 'whatsappid']],
  ['phone', ['whatsapp', 'whatsappno', 'whatsappnumber', 'mobile', 'mobileno', 'mobilenumber', 'mob', 'mobno', 'phone', 'phoneno', 'phonenumber', 'ph', 'phno', 'contact', 'contactno', 'contactnumber', 'cell', 'cellno', 'number', 'telephone', 'tel']],
  ['name', ['name', 'custname', 'customername', 'customer', 'fullname', 'clientname', 'client', 'partyname', 'party', 'naam', 'grahak', 'grahakname', 'contactname', 'firstname']],
  ['email', ['email', 'emailid', 'emailaddress', 'mail', 'mailid']],
  ['city', ['city', 'town', 'shehar', 'sheher', 'location', 'place', 'area']],
  ['birthday', ['dob', 'birthday', 'dateofbirth', 'birthdate', 'bday', 'janamdin', 'janmdin', 'birthdaydate']],
  ['anniversary', ['anniv', 'anniversary', 'weddinganniversary', 'marriageanniversary', 'annivdate', 'anniversarydate', 'weddingdate', 'marriagedate', 'doa']],
  ['totalSpend', ['totalpurchase', 'totalpurchases', 'totalspend', 'spend', 'totalspent', 'purchase', 'purchaseamount', 'purchasevalue', 'totalamount', 'amount', 'totalbusiness', 'business', 'ltv', 'lifetimevalue', 'sales', 'totalsales', 'kharidari', 'billamount', 'totalbill']],
  ['lastPurchaseAt', ['lastpurchase', 'lastpurchasedate', 'lastpurchaseon', 'lastvisit', 'lastvisitdate', 'lastbill', 'lastbilldate', 'lastorder', 'lastorderdate', 'lastbought']],
  ['tags', ['tags', 'tag', 'labels', 'label', 'group', 'groups', 'segment', 'category', 'type', 'customertype']],
  ['notes', ['notes', 'note', 'remarks', 'remark', 'comments', 'comment', 'details']],
  ['optIn', ['optin', 'optedin', 'consent', 'whatsappconsent', 'whatsappoptin', 'subscribed', 'marketingconsent']],
];
const BY_HEADER = new Map<string, Field>(HEADERS.flatMap(([field, words]) => words.map((w) => [w, field] as [string, Field])));
const key = (h: string) => h.toLowerCase().replace(/[^a-z0-9]/g, '');

/** A header's field from its words: exact, then with "customer"/"cust" and trailing "no" removed. */
function fromHeader(header: string): Field | null {
  const k = key(header);
  const hit = BY_HEADER.get(k) ?? BY_HEADER.get(k.replace(/^(customer|cust|client)/, '')) ?? BY_HEADER.get(k.replace(/(no|number|num)$/, ''));
  if (hit) return hit;
  if (/mobile|whatsapp|phone|contact/.test(k)) return 'phone';
  if (/birth|dob/.test(k)) return 'birthday';
  if (/anniv/.test(k)) return 'anniversary';
  if (/email/.test(k)) return 'email';
  return null;
}

/** A column whose values are mostly phone numbers (or emails) is one, whatever its header says. */
function fromValues(values: Cell[]): Field | null {
  const filled = values.filter((v) => !isBlank(v));
  if (filled.length < 2) return null;
  const share = (f: (c: Cell) => boolean) => filled.filter(f).length / filled.length;
  if (share((c) => readPhone(c).ok && /^\+?[\d\s()-]{9,}$/.test(String(c).trim())) >= 0.6) return 'phone';
  if (share((c) => readEmail(c).ok) >= 0.6) return 'email';
  return null;
}

/** Fields that take one column; a second column for one of them is kept as a custom field. */
const SINGLE = new Set<Field>(['name', 'phone', 'email', 'city', 'birthday', 'anniversary', 'totalSpend', 'lastPurchaseAt', 'optIn', 'waId']);

export function suggestMapping(headers: string[], samples: Cell[][]): ContactImportMapping {
  const out: ContactImportMapping = {};
  const taken = new Set<Field>();
  headers.forEach((h, i) => {
    let field = fromHeader(h);
    if (!field || (taken.has(field) && SINGLE.has(field))) {
      const byValue = fromValues(samples.map((r) => r[i] ?? null));
      if (byValue && !taken.has(byValue)) field = byValue;
      else if (field) {
        out[h] = `custom:${h.slice(0, 60)}`;
        return;
      }
    }
    if (field) taken.add(field);
    out[h] = field;
  });
  return out;
}

/** The user's choices laid over the suggestion; checked: known columns, one column per field, a phone. */
export function resolveMapping(headers: string[], suggested: ContactImportMapping, given: ContactImportMapping | null | undefined): ContactImportMapping {
  const mapping: ContactImportMapping = { ...suggested };
  for (const [h, target] of Object.entries(given ?? {})) {
    if (!headers.includes(h)) throw new DomainError('validation', `The file has no column "${h}" (its columns: ${headers.join(', ')})`);
    mapping[h] = target;
  }
  const seen = new Map<string, string>();
  for (const [h, target] of Object.entries(mapping)) {
    if (!target || target === 'tags' || target === 'notes') continue;
    const other = seen.get(target);
    if (other) throw new DomainError('validation', `Both "${other}" and "${h}" are mapped to ${target}; choose one (map the other to a custom field or ignore it)`);
    seen.set(target, h);
  }
  if (!seen.has('phone') && !seen.has('waId')) throw new DomainError('validation', 'Map one column to phone: a contact is known by their phone number');
  return mapping;
}

/** `--map "Mobile No=phone,Cust Name=name,Remarks="` → a mapping (empty = ignore the column). */
export function parseContactMap(text: string): ContactImportMapping {
  const out: ContactImportMapping = {};
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const eq = part.lastIndexOf('=');
    if (eq <= 0) throw new DomainError('validation', `"${part}" is not Header=field`);
    const target = part.slice(eq + 1).trim();
    if (target && !(CONTACT_FIELDS as readonly string[]).includes(target) && !/^custom:.{1,60}$/.test(target)) {
      throw new DomainError('validation', `"${target}" is not a contact field; use one of ${CONTACT_FIELDS.join(', ')}, custom:<Name>, or nothing to ignore the column`);
    }
    out[part.slice(0, eq).trim()] = (target || null) as ContactImportMapping[string];
  }
  return out;
}
