/** Library page entry (library/library.html). */
import { startLibraryPage } from './library-page';

void startLibraryPage(document);
