import * as contract from './contract/index.js';
import type { Core } from './core.js';
import { readOptions } from './call-options.js';
import type { CallOptions } from './http.js';
import type { CatalogItem } from './types.js';

/** The portal's districts and departments, with stable codes and labels in both languages. */
export class Catalog {
  readonly #core: Core;

  constructor(core: Core) {
    this.#core = core;
  }

  /**
   * The districts of West Bengal, retired ones included (`active: false`) so that old
   * grievances still read. Offer only active ones on a form.
   */
  async districts(options?: CallOptions): Promise<CatalogItem[]> {
    return this.#list('districts', options);
  }

  /** The state government's departments, retired ones included (`active: false`). */
  async departments(options?: CallOptions): Promise<CatalogItem[]> {
    return this.#list('departments', options);
  }

  async #list(kind: 'districts' | 'departments', options: unknown) {
    const checked = readOptions(options, `catalog.${kind}`);
    const page = await this.#core.public(
      {
        method: 'GET',
        path: `catalog/${kind}`,
        name: `catalog.${kind}`,
        schema: contract.CatalogResponse,
      },
      checked,
    );
    return page.items;
  }
}
