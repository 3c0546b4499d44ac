/**
 * Which pages of a store's site are worth reading: About, FAQ, Shipping/Delivery,
 * Returns/Exchange/Refund, Contact, Terms, Care, and the jeweller's own policies (gold rate,
 * buyback, old-gold exchange, hallmarking) — by the link's words or its path, in English and
 * common Hinglish/Hindi. Product and collection pages are not followed.
 */

/** Words in a link's text or path (split on / - _ .) that mark a store-information page. */
const WORDS =
  /(?:^| )(?:about(?: us)?|our story|story|who we are|legacy|heritage|faqs?|frequently asked|questions?|help|support|shipping|ship|deliver(?:y|ies)?|dispatch|courier|returns?|refunds?|exchanges?|cancel(?:lation)?s?|contact(?: us)?|visit us|find us|store locator|stores?|locations?|terms?|conditions?|polic(?:y|ies)|tnc|care|jewell?ery care|cleaning|buy ?back|old gold|gold rate|gold price|rates?|hallmark(?:ing)?|certificat(?:e|es|ion)|warranty|guarantee|lifetime exchange|schemes?|hamare? b(?:aa|a)re|humare b(?:aa|a)re|sampark|wapas|wapsi|sawal|jawab|niyam|shartein|dekhbhal|purana sona|sone ka bhav)(?= |$)/;
/** The same in Devanagari (matched as substrings: no word boundaries to rely on). */
const HINDI = ['हमारे बारे', 'परिचय', 'संपर्क', 'वापसी', 'बदलाव', 'सवाल', 'प्रश्न', 'नियम', 'शर्तें', 'डिलीवरी', 'शिपिंग', 'देखभाल', 'सोने का भाव', 'पुराना सोना', 'हॉलमार्क'];

/** Paths tried on every site even when no link points there (most store builders use one of these). */
export const COMMON_PATHS = [
  '/about', '/about-us', '/faq', '/faqs', '/shipping', '/returns', '/contact', '/contact-us',
  '/pages/about-us', '/pages/faq', '/pages/faqs', '/pages/contact', '/pages/shipping', '/pages/returns',
  '/policies/shipping-policy', '/policies/refund-policy', '/policies/terms-of-service',
];

const words = (s: string) => ` ${s.toLowerCase().normalize('NFKC').split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean).join(' ')} `;

/** Whether a link's text or path looks like a store-information page. */
export function looksLikeInfoPage(url: URL, text: string): boolean {
  const path = decodeURIComponent(url.pathname);
  const hay = [words(text), words(path.replace(/\.(html?|php|aspx?)$/i, ''))];
  return hay.some((h) => WORDS.test(h.trim()) || HINDI.some((w) => h.includes(w)));
}

/** Shopify-style content pages (`/pages/…`, `/policies/…`): read when linked even if their words are not in the list. */
export function isContentPath(url: URL): boolean {
  return /^\/(pages|policies)\/[^/]+\/?$/i.test(url.pathname);
}

/** Files that are never pages. */
export function isAsset(url: URL): boolean {
  return /\.(jpe?g|png|gif|webp|avif|svg|ico|css|js|mjs|json|xml|zip|rar|mp4|mp3|webm|woff2?|ttf|eot)$/i.test(url.pathname);
}

/** The site a host belongs to: `www.` and the bare domain are one site; the port counts. */
export function siteKey(url: URL): string {
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return `${host}:${port === '443' || port === '80' ? 'default' : port}`;
}

/** One key per page (scheme, `www.`, trailing slash and #fragment ignored) so it is read once. */
export function pageKey(url: URL): string {
  const path = url.pathname.replace(/\/+$/, '') || '/';
  return `${siteKey(url)}${path}${url.search}`;
}
