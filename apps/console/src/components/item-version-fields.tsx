import { useEffect, useState, type ReactNode } from 'react';
import { useApiQuery, type ApiQuery } from '../api/use-api-query.js';
import { Field } from './field.js';
import { useResetOnOpen } from './form-dialog.js';
import { Select } from './inputs.js';
import { QueryContent } from './query-content.js';

/** Something picked by its API name that has versions (a connector, a solution). */
export interface PickableItem {
  readonly apiName: string;
  readonly name: string;
}

export interface ItemVersionChoiceOptions<V> {
  /** The dialog's `open`: nothing loads while it is closed, and each opening starts again. */
  readonly open: boolean;
  /** The item when it is not for picking (moving a pin, upgrading an installation): only its versions load. */
  readonly fixed?: PickableItem | undefined;
  /** The version chosen when the dialog opens (e.g. the current pin); else the first offered, once loaded. */
  readonly initialVersion?: string | undefined;
  /** Items left out of the picker (already associated, already installed). */
  readonly taken?: readonly string[];
  /** The items to pick from (not needed when the item is fixed). */
  readonly loadItems?: (signal: AbortSignal) => Promise<readonly PickableItem[]>;
  /** The item's versions, newest first (the first offered one is preselected). */
  readonly loadVersions: (item: string, signal: AbortSignal) => Promise<readonly V[]>;
  /** The versions that may be chosen among those loaded (e.g. only newer ones); default all. */
  readonly offer?: (versions: readonly V[]) => readonly V[];
  /** A version's value in the select (and in `version`). */
  readonly versionKey: (version: V) => string;
}

/** The state of a "pick an item, then one of its versions" pair of selects. */
export interface ItemVersionChoice<V> {
  readonly items: ApiQuery<readonly PickableItem[] | undefined>;
  readonly versions: ApiQuery<readonly V[] | undefined>;
  /** False when the item is fixed: only the version select is shown. */
  readonly picksItem: boolean;
  /** The items that may be picked (not taken); undefined until loaded. */
  readonly available: readonly PickableItem[] | undefined;
  /** The versions that may be chosen; undefined until loaded. */
  readonly offered: readonly V[] | undefined;
  /** The chosen item's API name ('' before one is picked). */
  readonly item: string;
  readonly setItem: (item: string) => void;
  /** The chosen version's key ('' before one is chosen). */
  readonly version: string;
  readonly setVersion: (version: string) => void;
  /** The chosen item, with its name when known (for notices). */
  readonly chosen: PickableItem;
  /** An item and one of its offered versions are chosen: the form can be sent. */
  readonly ready: boolean;
  readonly versionKey: (version: V) => string;
}

/**
 * "Pick an item, then one of its versions": the items load when the dialog opens, the picked
 * item's versions load then, and the newest offered version is chosen when they arrive (unless the
 * chosen one is among them). Render it with `<ItemVersionFields>`.
 */
export function useItemVersionChoice<V>({ open, fixed, initialVersion, taken = [], loadItems, loadVersions, offer, versionKey }: ItemVersionChoiceOptions<V>): ItemVersionChoice<V> {
  const picksItem = fixed === undefined;
  const [picked, setItem] = useState('');
  const [version, setVersion] = useState('');
  const item = fixed?.apiName ?? picked;
  const items = useApiQuery(async (signal) => (open && picksItem && loadItems ? loadItems(signal) : undefined), [open, picksItem]);
  const versions = useApiQuery(async (signal) => (open && item !== '' ? loadVersions(item, signal) : undefined), [open, item]);
  const offered = versions.data && offer ? offer(versions.data) : versions.data;

  useResetOnOpen(open, () => {
    setItem('');
    setVersion(initialVersion ?? '');
  });

  // The newest offered version (the API lists them newest first) once an item's versions arrive.
  useEffect(() => {
    if (!offered) return;
    if (!offered.some((candidate) => versionKey(candidate) === version)) setVersion(offered[0] ? versionKey(offered[0]) : '');
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the list changes
  }, [versions.data]);

  const available = items.data?.filter((candidate) => !taken.includes(candidate.apiName));
  return {
    items,
    versions,
    picksItem,
    available,
    offered,
    item,
    setItem,
    version,
    setVersion,
    chosen: fixed ?? items.data?.find((candidate) => candidate.apiName === item) ?? { apiName: item, name: item },
    ready: item !== '' && version !== '' && offered?.some((candidate) => versionKey(candidate) === version) === true,
    versionKey,
  };
}

export interface ItemFieldProps {
  readonly label: string;
  /** The select's name, e.g. "connector". */
  readonly name: string;
  /** The empty first option, e.g. "Choose a connector…". */
  readonly placeholder: string;
  readonly help: ReactNode;
  readonly loadingLabel: string;
  /** Why nothing can be picked (none exists, or all are taken), with a way on; `total` counts the loaded items. */
  readonly unavailable: (total: number) => ReactNode;
}

export interface VersionFieldProps<V> {
  readonly label: string;
  readonly name: string;
  readonly help: ReactNode;
  /** The inline error (from the save's `fieldError`). */
  readonly error?: string | undefined;
  readonly loadingLabel: string;
  /** The chosen item has no version to offer, and what to do about it. */
  readonly none: (item: PickableItem) => ReactNode;
  /** An option's text; `index` 0 is the newest. */
  readonly option: (version: V, index: number) => ReactNode;
}

export interface ItemVersionFieldsProps<V> {
  readonly choice: ItemVersionChoice<V>;
  /** The item select (not needed when the item is fixed). */
  readonly itemField?: ItemFieldProps;
  readonly versionField: VersionFieldProps<V>;
}

/**
 * The two selects of `useItemVersionChoice`, each in its states (error with Try again, loading,
 * nothing to pick): the item (focused first), then, once one is picked, its versions (focused
 * first when the item is fixed).
 */
export function ItemVersionFields<V>({ choice, itemField, versionField }: ItemVersionFieldsProps<V>) {
  return (
    <>
      {choice.picksItem && itemField && (
        <QueryContent
          query={choice.items}
          data={choice.available}
          loadingLabel={itemField.loadingLabel}
          compact
          empty={<p className="notice">{itemField.unavailable(choice.items.data?.length ?? 0)}</p>}
        >
          {(available) => (
            <Field label={itemField.label} required help={itemField.help}>
              <Select name={itemField.name} value={choice.item} onChange={(event) => choice.setItem(event.target.value)} data-autofocus>
                <option value="">{itemField.placeholder}</option>
                {available.map((item) => (
                  <option key={item.apiName} value={item.apiName}>
                    {item.name} ({item.apiName})
                  </option>
                ))}
              </Select>
            </Field>
          )}
        </QueryContent>
      )}
      {choice.item !== '' && (
        <QueryContent
          query={choice.versions}
          data={choice.offered}
          loadingLabel={versionField.loadingLabel}
          compact
          empty={<p className="notice">{versionField.none(choice.chosen)}</p>}
        >
          {(offered) => (
            <Field label={versionField.label} required error={versionField.error} help={versionField.help}>
              <Select
                name={versionField.name}
                value={choice.version}
                onChange={(event) => choice.setVersion(event.target.value)}
                {...(choice.picksItem ? {} : { 'data-autofocus': true })}
              >
                {offered.map((version, index) => (
                  <option key={choice.versionKey(version)} value={choice.versionKey(version)}>
                    {versionField.option(version, index)}
                  </option>
                ))}
              </Select>
            </Field>
          )}
        </QueryContent>
      )}
    </>
  );
}
