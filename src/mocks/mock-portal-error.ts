/**
 * Thrown by the mock portal's own methods (`updateStatus`, `seed`, `lastOtp`, options) when a
 * test asks for something the portal cannot do. It is a mistake in the test, never an HTTP
 * answer: requests that the portal refuses get the contract's error envelope instead.
 */
export class MockPortalError extends Error {
  /** Always `'MockPortalError'`, so that it reads well in a test's failure output. */
  override name = 'MockPortalError';
}
