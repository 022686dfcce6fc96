/** API tokens as the admin routes show them: the secret only in the answer to its creation. */
import { z } from 'zod';
import { TokenRecord } from '../../activities/tokens/store';

export { NewToken, TokenId, TokenRecord } from '../../activities/tokens/store';

export const CreatedToken = TokenRecord.extend({
  token: z.string().describe('the bearer token: shown this once, stored only as its SHA-256'),
});

export const TokenList = z.object({ tokens: z.array(TokenRecord) });
