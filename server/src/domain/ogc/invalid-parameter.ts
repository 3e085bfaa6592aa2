/** A query parameter the OGC API cannot use; its messages (English, Chinese) name it and what was expected. */
export class InvalidParameter extends Error {
  override name = 'InvalidParameter';
  constructor(
    message: string,
    readonly messageZh: string,
  ) {
    super(message);
  }
}
