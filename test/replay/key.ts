/** The payload key the stored histories were encrypted with. A test key: it protects nothing real. */
export const REPLAY_KEY = Buffer.from('7265706c61792d686973746f726965732d746573742d6b65792d303030303031', 'hex');
