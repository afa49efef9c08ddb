import { describe, expect, it } from 'vitest';
import { validateUrlTemplate } from './validate-url-template.js';

describe('validateUrlTemplate', () => {
  it.each([
    'https://api.example.com/v1/contacts/${id}',
    'http://localhost:8080/${a}/${b}?x=${c}&y=1',
    'https://api.example.com',
    'https://api.example.com?x=${x}',
    '${connection.instance_url}/services/data/${version}/sobjects',
    '${connection.instance_url}',
    '${connection.instance_url}?q=${q}',
    'https://h.test/files/.${ext}',
    'https://h.test/a%20b?x=$${literal}',
    'HTTPS://H.TEST/x',
  ])('accepts %s', (template) => {
    expect(validateUrlTemplate(template)).toBeNull();
  });

  it.each([
    ['https://${host}/x', /literal/],
    ['https://api.${domain}.com/x', /literal/],
    ['https://h.test:${port}/x', /literal/],
    ['https://${connection.subdomain}.zendesk.com/x', /literal/],
    ['https://user:pw@h.test/x', /credentials/],
    ['ftp://h.test/x', /must start with/],
    ['/relative/${x}', /must start with/],
    ['${host}/x', /must start with/],
    ['${connection.instance_url}.evil.com/x', /followed by/],
    ['${connection.instance_url}${path}', /followed by/],
    ['https://h.test/x#${frag}', /fragment/],
    ['https://h.test/a/../b', /"\." or "\.\."/],
    ['https://h.test/a/./b', /"\." or "\.\."/],
    ['https://h.test/a b', /canonical/],
    ['https://h.test/a\\b', /canonical/],
    ['https://h.test/café', /canonical/],
    // The escape renders a literal `${x}`, and `{` `}` are not canonical in a path (WHATWG path percent-encode set).
    ['https://h.test/$${x}', /canonical/],
    ['https://h.test:99999/x', /valid URL origin/],
  ])('rejects %s', (template, message) => {
    expect(validateUrlTemplate(template)).toMatch(message);
  });
});
