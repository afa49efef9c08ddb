// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { render, settle } from '../test-support/render.js';
import { ItemVersionFields, useItemVersionChoice, type ItemVersionChoiceOptions, type PickableItem } from './item-version-fields.js';

interface Version {
  readonly number: number;
}

const items: PickableItem[] = [
  { apiName: 'acme', name: 'Acme CRM' },
  { apiName: 'globex', name: 'Globex' },
  { apiName: 'empty', name: 'Empty' },
];
const versionsOf: Record<string, Version[]> = { acme: [{ number: 3 }, { number: 2 }, { number: 1 }], globex: [{ number: 7 }], empty: [] };

/** The pair of selects as a dialog renders them, with what is chosen printed below. */
function Harness(props: Partial<ItemVersionChoiceOptions<Version>>) {
  const choice = useItemVersionChoice<Version>({
    open: true,
    loadItems: async () => items,
    loadVersions: async (item) => versionsOf[item] ?? [],
    versionKey: (version) => String(version.number),
    ...props,
  });
  return (
    <>
      <ItemVersionFields
        choice={choice}
        itemField={{ label: 'Thing', name: 'thing', placeholder: 'Choose a thing…', help: 'The thing.', loadingLabel: 'Loading things…', unavailable: (total) => `none of ${total}` }}
        versionField={{ label: 'Version', name: 'version', help: 'Its version.', loadingLabel: 'Loading versions…', none: (item) => `${item.name} has none`, option: (version, index) => `v${version.number}${index === 0 ? ' (newest)' : ''}` }}
      />
      <output>{choice.ready ? `${choice.item}@${choice.version}` : 'not ready'}</output>
    </>
  );
}

const select = (container: HTMLElement, name: string) => container.querySelector<HTMLSelectElement>(`select[name="${name}"]`);
async function pick(element: HTMLSelectElement, value: string) {
  await act(async () => {
    element.value = value;
    element.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle();
}

describe('ItemVersionFields', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('offers the items not taken, then the picked one’s versions with the newest chosen', async () => {
    const { container, unmount } = await render(<Harness taken={['globex']} />);
    await settle();
    expect([...select(container, 'thing')!.options].map((option) => option.value)).toEqual(['', 'acme', 'empty']);
    expect(select(container, 'version')).toBeNull();
    expect(container.querySelector('output')?.textContent).toBe('not ready');

    await pick(select(container, 'thing')!, 'acme');
    expect([...select(container, 'version')!.options].map((option) => option.textContent)).toEqual(['v3 (newest)', 'v2', 'v1']);
    expect(container.querySelector('output')?.textContent).toBe('acme@3');

    await pick(select(container, 'version')!, '1');
    expect(container.querySelector('output')?.textContent).toBe('acme@1');

    await pick(select(container, 'thing')!, 'empty');
    expect(container.textContent).toContain('Empty has none');
    expect(container.querySelector('output')?.textContent).toBe('not ready');
    await unmount();
  });

  it('says why nothing can be picked when every item is taken', async () => {
    const { container, unmount } = await render(<Harness taken={['acme', 'globex', 'empty']} />);
    await settle();
    expect(select(container, 'thing')).toBeNull();
    expect(container.querySelector('.notice')?.textContent).toBe('none of 3');
    await unmount();
  });

  it('with a fixed item: only its offered versions, keeping the initial one', async () => {
    const { container, unmount } = await render(
      <Harness fixed={items[0]} initialVersion="2" offer={(versions) => versions.filter((version) => version.number >= 2)} />,
    );
    await settle();
    expect(select(container, 'thing')).toBeNull();
    const versions = select(container, 'version')!;
    expect([...versions.options].map((option) => option.value)).toEqual(['3', '2']);
    expect(versions.value).toBe('2');
    expect(versions.hasAttribute('data-autofocus')).toBe(true);
    expect(container.querySelector('output')?.textContent).toBe('acme@2');
    await unmount();
  });
});
