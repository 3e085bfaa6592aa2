/** A query parameter the OGC API cannot use; its message names the parameter and what was expected. */
export class InvalidParameter extends Error {
  override name = 'InvalidParameter';
}
