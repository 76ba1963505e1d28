// The letters module's entry point for app.ts.
export { letterRoutes } from './letters.routes.ts';
export { LetterService } from './letters.service.ts';
