import type { Ctx } from './ctx.js';
import { askWhat } from './products.js';
import { TOOL } from './tools.js';
import { call, say, type Step } from './turn.js';

/**
 * "Show me everything": the WhatsApp catalog message ("View catalog", where the shopper browses and
 * adds to a cart). Without a connected catalog (or the skill), the agent asks what to show instead.
 */
export function catalogStep(c: Ctx): Step {
  const { turn, v } = c;
  if (!turn.has(TOOL.sendCatalog)) return say(askWhat(c));
  if (!turn.called(TOOL.sendCatalog)) return call(TOOL.sendCatalog, {});
  const r = turn.result<{ sent?: number }>(TOOL.sendCatalog);
  if (!r?.sent) return say(askWhat(c));
  return say(
    v.finish(
      [
        v.t({
          en: 'Here is our whole collection: tap "View catalog", add what you like to the cart and send it to us. Or tell me what you are looking for.',
          hinglish: 'Yeh raha hamara poora collection: "View catalog" dabaiye, pasand ke designs cart mein daal kar bhej dijiye. Ya bataiye kya dhoond rahe hain.',
          hindi: 'यह रहा हमारा पूरा संग्रह: "View catalog" दबाइए, पसंद के गहने कार्ट में डालकर भेज दीजिए। या बताइए क्या ढूँढ रहे हैं।',
        }),
      ],
      { topic: 'jewel' },
    ),
  );
}
