import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { safeFilename, sniffMediaType } from './sniff.ts';

describe('safeFilename', () => {
  test('keeps only the last part of a Unix or Windows path', () => {
    assert.equal(safeFilename('../../etc/passwd', 'fallback.pdf'), 'passwd');
    assert.equal(safeFilename('C:\\Users\\erika\\Fahrzeugschein.pdf', 'fallback.pdf'), 'Fahrzeugschein.pdf');
    assert.equal(safeFilename('..\\..\\boot.ini', 'fallback.pdf'), 'boot.ini');
  });

  test('removes control characters and double quotes (they would break headers and logs)', () => {
    assert.equal(safeFilename('sch\u0000ein\r\n.pdf', 'fallback.pdf'), 'schein.pdf');
    assert.equal(safeFilename('a"; filename="evil.exe', 'fallback.pdf'), 'a; filename=evil.exe');
    assert.equal(safeFilename('\u0007\u001b[31mrot\u007f.png', 'f.png'), '[31mrot.png');
  });

  test('falls back when nothing usable is left', () => {
    for (const name of [undefined, '', '   ', '.', '..', 'ordner/', '../..', '\u0000\u0001', '""'])
      assert.equal(
        safeFilename(name, 'registrationCertificate.pdf'),
        'registrationCertificate.pdf',
        String(name),
      );
  });

  test('keeps umlauts, spaces inside the name and other letters', () => {
    assert.equal(
      safeFilename('Fahrzeugschein Müller-Lüdenscheidt.pdf', 'f.pdf'),
      'Fahrzeugschein Müller-Lüdenscheidt.pdf',
    );
    assert.equal(safeFilename('Yılmaz ß.jpg', 'f.jpg'), 'Yılmaz ß.jpg');
  });

  test('bounds the length and keeps the end, where the extension is', () => {
    const name = `${'x'.repeat(300)}.pdf`;
    const safe = safeFilename(name, 'f.pdf');
    assert.equal(safe.length, 120);
    assert.ok(safe.endsWith('x.pdf'));
  });
});

describe('sniffMediaType', () => {
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  );
  const jpeg = Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
    Buffer.from('JFIF\u0000'),
    Buffer.alloc(64),
  ]);

  test('recognises PDF, PNG and JPEG by their magic bytes', async () => {
    assert.equal(await sniffMediaType(pdf), 'application/pdf');
    assert.equal(await sniffMediaType(png), 'image/png');
    assert.equal(await sniffMediaType(jpeg), 'image/jpeg');
  });

  test('plain text, even text that talks about PDFs, has no media type', async () => {
    assert.equal(await sniffMediaType(Buffer.from('Das ist mein Fahrzeugschein.pdf\n')), undefined);
    assert.equal(await sniffMediaType(Buffer.from(' %PDF-1.4 kommt hier nicht am Anfang')), undefined);
    assert.equal(await sniffMediaType(Buffer.alloc(0)), undefined);
  });

  test('a Windows program is not mistaken for a document', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]);
    const type = await sniffMediaType(exe);
    assert.ok(!['application/pdf', 'image/png', 'image/jpeg'].includes(String(type)), String(type));
  });
});

test('safeFilename removes bidirectional overrides that disguise an extension', () => {
  assert.equal(safeFilename('rechnung\u202Egpj.exe', 'x'), 'rechnunggpj.exe');
});
