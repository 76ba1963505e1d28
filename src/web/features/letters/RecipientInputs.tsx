// Many recipients quickly: one field per recipient ("Penerima 1", "Penerima 2", …), a
// button for one more, and one to add every regency/city government of the province.
// Pasting several lines into a field spreads them over new fields.
import { ActionIcon, Button, Fieldset, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconBuildingCommunity, IconPlus, IconTrash } from '@tabler/icons-react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useRegionList } from '../regions/regions.api.ts';

export type RecipientRow = { key: number; recipient: string; regionCode: string | null };

let nextKey = 1;
export function recipientRow(recipient = '', regionCode: string | null = null): RecipientRow {
  return { key: nextKey++, recipient, regionCode };
}

/** "Kabupaten Nunukan" → "Bupati Nunukan"; "Kota Tarakan" → "Wali Kota Tarakan". */
export function headOfRegion(name: string): string {
  const trimmed = name.trim();
  if (/^kabupaten\s+/i.test(trimmed)) return `Bupati ${trimmed.replace(/^kabupaten\s+/i, '')}`;
  if (/^kota\s+/i.test(trimmed)) return `Wali Kota ${trimmed.replace(/^kota\s+/i, '')}`;
  return trimmed;
}

/** The filled rows, trimmed, without duplicates. */
export function filledRecipients(rows: RecipientRow[]): { recipient: string; regionCode: string | null }[] {
  const seen = new Set<string>();
  return rows.flatMap((row) => {
    const recipient = row.recipient.trim();
    if (!recipient || seen.has(recipient.toLowerCase())) return [];
    seen.add(recipient.toLowerCase());
    return [{ recipient, regionCode: row.regionCode }];
  });
}

type RecipientInputsProps = {
  rows: RecipientRow[];
  onChange: (rows: RecipientRow[]) => void;
  /** The province whose regencies/cities the quick button adds. */
  provinceCode: string | null;
  /** Numbering starts after the recipients the letter already has. */
  offset?: number;
  legend?: string;
  error?: string | undefined;
};

export function RecipientInputs({ rows, onChange, provinceCode, offset = 0, legend, error }: RecipientInputsProps) {
  const { t } = useTranslation('letters');
  const regencies = useRegionList({ parent: provinceCode ?? '', limit: 1000, offset: 0 }, { enabled: provinceCode !== null });
  const inputs = useRef(new Map<number, HTMLInputElement>());

  const focusLater = (key: number) => setTimeout(() => inputs.current.get(key)?.focus(), 0);
  const update = (key: number, recipient: string) => onChange(rows.map((row) => (row.key === key ? { ...row, recipient, regionCode: row.recipient === recipient ? row.regionCode : null } : row)));
  const add = () => {
    const row = recipientRow();
    onChange([...rows, row]);
    focusLater(row.key);
  };
  const remove = (key: number) => {
    const rest = rows.filter((row) => row.key !== key);
    onChange(rest.length > 0 ? rest : [recipientRow()]);
  };
  const paste = (key: number, text: string): boolean => {
    const lines = text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
    if (lines.length < 2) return false;
    const index = rows.findIndex((row) => row.key === key);
    const replaced = rows[index]!.recipient.trim() === '' ? 1 : 0;
    const added = lines.map((line) => recipientRow(line));
    onChange([...rows.slice(0, index + 1 - replaced), ...added, ...rows.slice(index + 1)]);
    return true;
  };
  const addAllRegencies = () => {
    const existing = new Set(rows.map((row) => row.recipient.trim().toLowerCase()));
    const added = (regencies.data?.items ?? [])
      .filter((region) => !region.validTo)
      .map((region) => recipientRow(headOfRegion(region.name), region.code))
      .filter((row) => !existing.has(row.recipient.toLowerCase()));
    onChange([...rows.filter((row) => row.recipient.trim() !== ''), ...added]);
  };

  return (
    <Fieldset legend={legend ?? t('fields.recipients')} variant="filled">
      <Stack gap="xs">
        <Text size="xs" c="dimmed">
          {t('recipients.help')}
        </Text>
        {rows.map((row, index) => (
          <Group key={row.key} gap="xs" align="flex-end" wrap="nowrap">
            <TextInput
              style={{ flex: 1 }}
              label={t('recipients.nth', { n: offset + index + 1 })}
              placeholder={index === 0 ? t('recipients.placeholder') : undefined}
              value={row.recipient}
              ref={(element) => {
                if (element) inputs.current.set(row.key, element);
                else inputs.current.delete(row.key);
              }}
              onChange={(event) => update(row.key, event.currentTarget.value)}
              onPaste={(event) => {
                if (paste(row.key, event.clipboardData.getData('text'))) event.preventDefault();
              }}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  if (index === rows.length - 1) add();
                  else focusLater(rows[index + 1]!.key);
                }
              }}
              maxLength={300}
            />
            <ActionIcon
              variant="subtle"
              color="gray"
              size="lg"
              mb={2}
              onClick={() => remove(row.key)}
              aria-label={t('recipients.remove', { n: offset + index + 1 })}
              disabled={rows.length === 1 && row.recipient === ''}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
        {error && (
          <Text size="sm" c="red" role="alert">
            {error}
          </Text>
        )}
        <Group gap="xs">
          <Button variant="light" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={add}>
            {t('recipients.add')}
          </Button>
          {provinceCode && (regencies.data?.items.length ?? 0) > 0 && (
            <Button variant="default" size="xs" leftSection={<IconBuildingCommunity size={14} aria-hidden />} onClick={addAllRegencies}>
              {t('recipients.addAllRegencies', { count: regencies.data?.items.filter((r) => !r.validTo).length ?? 0 })}
            </Button>
          )}
        </Group>
      </Stack>
    </Fieldset>
  );
}
