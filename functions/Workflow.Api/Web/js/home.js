import { setUpPage } from './common.js';

await setUpPage();
