import { maxLogoBytes } from '@switchboard/contracts';

/** Types the publish route accepts for a logo (it types the file by its content too). */
export const logoAccept = 'image/png,image/jpeg,image/svg+xml,.png,.jpg,.jpeg,.svg';

/**
 * What the console can tell about a chosen logo before sending it: the server has the last word
 * (it reads the content, and checks an SVG against its allow-list), but a wrong type or a file
 * that is too big is said at once.
 */
export function logoProblem(file: Pick<File, 'name' | 'type' | 'size'>): string | undefined {
  const byName = /\.(png|jpe?g|svg)$/i.test(file.name);
  const byType = ['image/png', 'image/jpeg', 'image/svg+xml'].includes(file.type);
  if (!byName && !byType) return 'Choose a PNG, JPEG or SVG image.';
  if (file.size > maxLogoBytes) return `The logo is ${Math.ceil(file.size / 1024)} KB; the limit is ${maxLogoBytes / 1024} KB.`;
  if (file.size === 0) return 'The file is empty.';
  return undefined;
}
