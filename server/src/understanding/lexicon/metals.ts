import { entry, type Entry } from './types.js';

/** Metals by name, in English and Hindi. "gold" alone is yellow gold; rose and white gold are named. */
export const METAL_ENTRIES: readonly Entry[] = [
  entry('gold|yellow gold|sona|sone|sonay|swarna|swarn|golden|glod|goldd|pila sona|peela sona|yg', { kind: 'metal', metal: 'gold' }),
  entry('rose gold|rosegold|pink gold|red gold|rg', { kind: 'metal', metal: 'rose gold' }),
  entry('white gold|whitegold|safed sona|wg', { kind: 'metal', metal: 'white gold' }),
  entry('silver|chandi|chaandi|chandee|chandhi|silvar|silwer|sliver', { kind: 'metal', metal: 'silver' }),
  entry('sterling silver|sterling', { kind: 'metal', metal: 'silver', purity: '925' }),
  entry('pt950|pt|pt 950', { kind: 'metal', metal: 'platinum', purity: '950' }),
  entry('kdm|kdm gold', { kind: 'metal', metal: 'gold', purity: '22K' }),
  entry('platinum|platinium|platinam|platnum|plantinum|platina', { kind: 'metal', metal: 'platinum' }),
  // Not the metal they name: plating and alloys.
  entry('german silver|gold plated|gold plating|gold polish|gold polished|gold coated|gold tone|silver plated|silver polish|rhodium plated|one gram gold|imitation|artificial', { kind: 'keep' }),
];
