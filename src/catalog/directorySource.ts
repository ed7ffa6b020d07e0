import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors.ts';
import { decodeUtf8 } from '../text/utf8.ts';
import { MAX_PAGE_BYTES, expectedParams, isListPath, type Expected, type ListSource } from './source.ts';

/**
 * A list copied to a local directory (a clone or an unpacked archive): the same relative paths as on the web.
 * A file is read only when it really lies inside the directory (symbolic links resolved), is a regular file within
 * its byte cap, and is UTF-8 text.
 */
export function directorySource(location: string): ListSource {
  const describe = (relPath: string) => path.join(location, ...relPath.split('/'));
  return {
    location,
    describe,
    cacheable: () => [],
    read: async (relPath, expected, options = {}) => {
      const file = describe(relPath);
      const outside = () =>
        new AppError('catalog.outside_source', `${relPath} lies outside ${location}; expected ${expected.text}`, 422, {
          file: relPath,
          ...expectedParams(expected),
        });
      if (!isListPath(relPath) || !isInside(location, file)) throw outside();
      const maxBytes = options.maxBytes ?? MAX_PAGE_BYTES;
      let bytes: Buffer;
      try {
        const [root, real] = await Promise.all([fs.promises.realpath(location), fs.promises.realpath(file)]);
        if (!isInside(root, real)) throw outside();
        const stat = await fs.promises.stat(real);
        if (!stat.isFile()) {
          throw new AppError(
            'catalog.file_unreadable',
            `cannot read ${file} (not a regular file); expected ${expected.text}`,
            422,
            { file, ...expectedParams(expected) },
          );
        }
        if (stat.size > maxBytes) throw tooLarge(file, maxBytes, expected);
        bytes = await fs.promises.readFile(real);
      } catch (error) {
        if (error instanceof AppError) throw error;
        const code = (error as { code?: string }).code;
        if (code === 'ENOENT' && !fs.existsSync(location)) {
          throw new AppError(
            'catalog.no_directory',
            `directory ${location} does not exist; expected a copy of the list (${expected.text})`,
            422,
            { file: location, ...expectedParams(expected) },
          );
        }
        if (code === 'ENOENT' && options.optional) return undefined;
        if (code === 'ENOENT')
          throw new AppError('catalog.file_missing', `${file} does not exist; expected ${expected.text}`, 422, {
            file,
            ...expectedParams(expected),
          });
        throw new AppError(
          'catalog.file_unreadable',
          `cannot read ${file} (${code ?? (error as Error).message}); expected ${expected.text}`,
          422,
          { file, ...expectedParams(expected) },
        );
      }
      // A file that grew between stat and read is still held to the cap.
      if (bytes.length > maxBytes) throw tooLarge(file, maxBytes, expected);
      const decoded = decodeUtf8(bytes);
      if ('badLine' in decoded) {
        throw new AppError(
          'catalog.not_utf8',
          `${file} is not UTF-8 text (line ${decoded.badLine}); expected ${expected.text}`,
          422,
          { file, line: decoded.badLine, ...expectedParams(expected) },
        );
      }
      return decoded.text;
    },
  };
}

/** Does `file` lie inside the directory `root` (both absolute)? */
function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

function tooLarge(file: string, maxBytes: number, expected: Expected): AppError {
  const megabytes = Math.round((maxBytes / 1024 / 1024) * 10) / 10;
  return new AppError(
    'catalog.too_large',
    `${file} is larger than ${megabytes} MB (the limit for this file); expected ${expected.text}`,
    413,
    { file, megabytes, ...expectedParams(expected) },
  );
}
