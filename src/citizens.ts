import * as contract from './contract/index.js';
import type { Core } from './core.js';
import { readOptions } from './call-options.js';
import type { CallOptions } from './http.js';
import type { Language } from './status.js';
import type { Citizen } from './types.js';
import { readFields, validateInput } from './validate.js';

/** What a citizen gives to register. The mobile number is the one they signed in with. */
export interface Registration {
  /** 2-100 characters. */
  name: string;
  /** District code from `client.catalog.districts()`. */
  district: string;
  /** An email address, if the citizen wants one on file. */
  email?: string;
  /** Postal address, 5-500 characters. */
  address?: string;
  /** The language the portal writes to the citizen in. Default: the client's `language`. */
  preferredLanguage?: Language;
}

/** The signed-in citizen's account. */
export class Citizens {
  readonly #core: Core;

  constructor(core: Core) {
    this.#core = core;
  }

  /**
   * Registers the signed-in citizen (after `auth.verifyOtp`). Text is normalised to NFC.
   *
   * @throws {@link ValidationError} listing each field that is wrong, before sending.
   */
  async register(input: Registration, options?: CallOptions): Promise<Citizen> {
    const fields = readFields(input, 'citizens.register', {
      known: ['name', 'district', 'email', 'address', 'preferredLanguage'],
      example: '{ name, district }',
    });
    const checked = readOptions(options, 'citizens.register');
    const state = this.#core.session.state;
    if (!state.signedIn) this.#core.session.token(); // throws the typed sign-in error
    const nfc = (value: unknown) => (typeof value === 'string' ? value.normalize('NFC') : value);
    const body = validateInput(
      contract.RegistrationBody,
      {
        name: nfc(fields.name),
        mobile: state.signedIn ? state.citizen.mobile : undefined,
        email: fields.email,
        district: fields.district,
        address: nfc(fields.address),
        preferredLanguage: fields.preferredLanguage ?? this.#core.language,
      },
      'citizens.register',
    );

    const citizen = await this.#core.authed(
      {
        method: 'POST',
        path: 'citizens',
        name: 'citizens.register',
        json: body,
        schema: contract.Citizen,
      },
      checked,
    );
    this.#core.session.updateCitizen(citizen);
    return citizen;
  }

  /** The signed-in citizen, as the portal has them now. */
  async me(options?: CallOptions): Promise<Citizen> {
    return this.#core.authed(
      { method: 'GET', path: 'citizens/me', name: 'citizens.me', schema: contract.Citizen },
      readOptions(options, 'citizens.me'),
    );
  }
}
