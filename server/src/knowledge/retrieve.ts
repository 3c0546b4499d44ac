import type { Embedder } from '../brain/index.js';
import type { KnowledgeAnswer } from '../contracts/index.js';
import { reciprocalRankFusion } from '../search/index.js';
import type { KnowledgeRepo } from './knowledge.repo.js';

/**
 * Hybrid retrieval over the store's documents: BM25 (FTS5) and vector KNN fused by reciprocal rank
 * for the order; an absolute score for "can the documents answer this at all?". Rank fusion alone
 * cannot say that (something always ranks first), so each passage is also scored by how much of the
 * question's meaning it covers: the share of the question's content words it contains, weighted by
 * how rare each word is in the documents (a word no document has counts fully against), blended
 * with the vector similarity. Below ANSWERABLE_SCORE the question is not answerable.
 */

export const ANSWERABLE_SCORE = 0.5;
const LEG_K = 20;
const LEXICAL_WEIGHT = 0.8;
/** Candidates within this of the best score count as equally good: rank fusion orders them. */
const NEAR_BEST = 0.1;

// Question words and filler in English and Hinglish: they say nothing about the topic.
const STOP = new Set(
  ('a an and the for of with in on to from by at as is are was were be been am it its this that these those there here ' +
    'my me i you your yours our ours we us do does did done have has had can could will would shall should may might must ' +
    'any some what which who whom whose when where why how much many more most about tell know please pls plz ok okay hi hello ' +
    'if or not no yes so than then also just get got give make sure want need like one ' +
    'kya kaise kab kahan kaun kitna kitni kitne hai hain ho hota hoti hote tha thi the ka ki ke ko mein me se par pe liye wala wali wale ' +
    'aap aapka aapki aapke apka apki apke hum humara hamara mera meri mujhe batao bataiye bataye chahiye koi kuch aur ya bhi toh to na nahi nahin ' +
    'milta milti milega milegi lagta lagti lagega sakta sakti sakte karte karta karti kare karo karna karne karen ' +
    'long take takes taken mean means meaning')
    .split(' '),
);

/** Hinglish words shoppers use for what the documents say in English. */
const HINGLISH: Record<string, string> = {
  sona: 'gold', sone: 'gold', sonay: 'gold', chandi: 'silver', chaandi: 'silver', heera: 'diamond', heere: 'diamond', moti: 'pearl',
  purana: 'old', purani: 'old', purane: 'old', wapas: 'return', wapis: 'return', wapsi: 'return', badalna: 'exchange', badal: 'exchange',
  saaf: 'clean', daam: 'price', keemat: 'price', kimat: 'price', bhejte: 'ship', bhejna: 'ship', bhejoge: 'ship',
};

/** The question's content words, lower case, without diacritics or filler (at most 16). */
export function contentWords(question: string): string[] {
  const words = (question.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/['’`]/g, '').match(/[\p{L}\p{N}]+/gu) ?? [])
    .filter((w) => w.length > 1 && !STOP.has(w))
    .map((w) => HINGLISH[w] ?? w);
  return [...new Set(words)].slice(0, 16);
}

/**
 * `only`: the chunks an agent may answer from (its knowledge sources), null for all. The legs then
 * look at every chunk and keep the allowed ones.
 */
export async function retrieve(repo: KnowledgeRepo, embedder: Embedder | null, question: string, limit: number, only: Set<number> | null = null): Promise<KnowledgeAnswer> {
  const total = only ? only.size : repo.countChunks();
  const allowed = (id: number) => !only || only.has(id);
  const legK = only ? Math.min(4096, repo.countChunks()) : LEG_K;
  const words = contentWords(question);
  if (!total || !words.length) return { answerable: false, passages: [] };

  // Each word's chunks and its weight: rarer words say more (idf); an unknown word weighs the most.
  const holders = words.map((w) => new Set([...repo.withWord(w)].filter(allowed)));
  const weights = holders.map((h) => Math.log(1 + total / Math.max(1, h.size)) * (h.size ? 1 : 1.2));
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const lexical = (id: number) => holders.reduce((sum, h, i) => sum + (h.has(id) ? (weights[i] ?? 0) : 0), 0) / totalWeight;

  const known = words.filter((_, i) => (holders[i]?.size ?? 0) > 0);
  const bm25 = known.length ? repo.bm25(known.map((w) => `"${w}"`).join(' OR '), legK).filter(allowed).slice(0, LEG_K) : [];
  let similarity = new Map<number, number>();
  let vec: number[] = [];
  if (embedder) {
    const [vector] = await embedder.embed([question]);
    if (vector) {
      const near = repo.knn(vector, legK).filter((n) => allowed(n.id)).slice(0, LEG_K);
      vec = near.map((n) => n.id);
      similarity = new Map(near.map((n) => [n.id, Math.max(0, 1 - (n.distance * n.distance) / 2)]));
    }
  }
  // Both legs' candidates, fused by rank. The passages returned come first from those that cover
  // the question nearly as well as the best one (in fusion order), then the others by score.
  const scored = reciprocalRankFusion([bm25, vec]).map(({ id, score: fusion }) => ({
    id,
    fusion,
    score: Math.round((LEXICAL_WEIGHT * lexical(id) + (1 - LEXICAL_WEIGHT) * (similarity.get(id) ?? 0)) * 1000) / 1000,
  }));
  const top = Math.max(0, ...scored.map((c) => c.score));
  const near = (c: { score: number }) => c.score >= top - NEAR_BEST;
  const best = scored
    .sort((a, b) => Number(near(b)) - Number(near(a)) || (near(a) ? b.fusion - a.fusion : b.score - a.score))
    .slice(0, Math.max(1, limit));
  const rows = new Map(repo.chunks(best.map((b) => b.id)).map((r) => [r.id, r]));
  const passages = best.flatMap(({ id, score }) => {
    const row = rows.get(id);
    return row ? [{ text: row.text, source: row.source, location: row.location, score }] : [];
  });
  return { answerable: passages.some((p) => p.score >= ANSWERABLE_SCORE), passages };
}
