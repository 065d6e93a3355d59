#!/usr/bin/env node
// Entry point of the `xaso` command. The server is written in TypeScript and run
// through tsx's loader, so there is no separate build step for the server.
import { register } from 'tsx/esm/api';

register();
await import('../server/main.ts');
