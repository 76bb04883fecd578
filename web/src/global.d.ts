/// <reference types="vite/client" />
import type { Core } from 'cytoscape';

declare global {
  interface Window {
    /** The graph's Cytoscape instance, exposed for end-to-end tests. */
    __loomCy?: Core;
  }
}
