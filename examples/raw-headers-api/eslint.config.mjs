// Lints this example with eslint-plugin-cors's recommended rules (installed from the repository root: file:../..).
import cors from 'eslint-plugin-cors';

export default [cors.configs.recommended];
