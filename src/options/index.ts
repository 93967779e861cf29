/** Options page entry. */
import { startOptions } from './options';

void startOptions(document);
