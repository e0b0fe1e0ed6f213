// Block Kit limits the real API enforces (answering `invalid_blocks`), so the bot meets them in
// tests rather than in production. Messages mimic Slack's "… [json-pointer:/blocks/0/text/text]".

const MAX_BLOCKS = 50;
const LIMITS = {
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  buttonText: 75,
  actionsElements: 25,
  contextElements: 10,
} as const;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function textOf(value: unknown): string | undefined {
  return isObject(value) && typeof value.text === 'string' ? value.text : undefined;
}

function checkLength(errors: string[], text: string | undefined, max: number, pointer: string): void {
  if (text !== undefined && text.length > max) {
    errors.push(`must be less than ${max + 1} characters [json-pointer:${pointer}]`);
  }
}

function checkElement(errors: string[], element: unknown, pointer: string): void {
  if (!isObject(element)) return;
  if (element.type === 'button') {
    checkLength(errors, textOf(element.text), LIMITS.buttonText, `${pointer}/text/text`);
  }
}

/** Returns Slack-style error strings; empty when the blocks would be accepted. */
export function validateBlocks(blocks: unknown[]): string[] {
  const errors: string[] = [];
  if (blocks.length > MAX_BLOCKS) {
    errors.push(`no more than ${MAX_BLOCKS} items allowed [json-pointer:/blocks]`);
  }
  blocks.forEach((block, i) => {
    const at = `/blocks/${i}`;
    if (!isObject(block) || typeof block.type !== 'string') {
      errors.push(`missing required field: type [json-pointer:${at}]`);
      return;
    }
    switch (block.type) {
      case 'section': {
        const fields = Array.isArray(block.fields) ? block.fields : undefined;
        if (block.text === undefined && fields === undefined) {
          errors.push(`must provide either text or fields [json-pointer:${at}]`);
        }
        checkLength(errors, textOf(block.text), LIMITS.sectionText, `${at}/text/text`);
        if (fields && fields.length > LIMITS.sectionFields) {
          errors.push(`no more than ${LIMITS.sectionFields} items allowed [json-pointer:${at}/fields]`);
        }
        fields?.forEach((field, j) => checkLength(errors, textOf(field), LIMITS.fieldText, `${at}/fields/${j}/text`));
        checkElement(errors, block.accessory, `${at}/accessory`);
        break;
      }
      case 'header':
        checkLength(errors, textOf(block.text), LIMITS.headerText, `${at}/text/text`);
        break;
      case 'actions': {
        const elements = Array.isArray(block.elements) ? block.elements : [];
        if (elements.length > LIMITS.actionsElements) {
          errors.push(`no more than ${LIMITS.actionsElements} items allowed [json-pointer:${at}/elements]`);
        }
        elements.forEach((element, j) => checkElement(errors, element, `${at}/elements/${j}`));
        break;
      }
      case 'context': {
        const elements = Array.isArray(block.elements) ? block.elements : [];
        if (elements.length > LIMITS.contextElements) {
          errors.push(`no more than ${LIMITS.contextElements} items allowed [json-pointer:${at}/elements]`);
        }
        break;
      }
      default:
        break;
    }
  });
  return errors;
}
