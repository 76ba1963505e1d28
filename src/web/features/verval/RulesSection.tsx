// A programme's eligibility rules: the current version in words, older versions, and
// (for holders of the programme's whole region with verval.decide) a new version.
import { Button, Checkbox, Group, List, NumberInput, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../common/format.ts';
import { RULE_CODES, type RuleCode, type RuleSet, type RuleSpec } from '../../../common/verval.ts';
import { useDisplayLanguage } from '../../app/i18n.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FormError } from '../../components/FormError.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { useRules, useSetRules } from './verval.api.ts';
import { useRuleText } from './verval-parts.tsx';

export function RulesSection({ programmeId }: { programmeId: number }) {
  const { t } = useTranslation('verval');
  const language = useDisplayLanguage();
  const rules = useRules(programmeId);
  const [editing, setEditing] = useState(false);
  if (rules.error) return <ErrorState title={t('rulesForm.loadFailed')} error={rules.error} onRetry={() => void rules.refetch()} />;
  if (!rules.data) return <PageLoader />;
  const { current, versions, actions } = rules.data;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Text c="dimmed">{t('rulesForm.help')}</Text>
        {actions.includes('update') && !editing && (
          <Button leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)}>
            {current ? t('rulesForm.change') : t('rulesForm.set')}
          </Button>
        )}
      </Group>
      {editing ? (
        <RulesForm programmeId={programmeId} current={current} onDone={() => setEditing(false)} />
      ) : current ? (
        <RuleSetCard set={current} />
      ) : (
        <Paper withBorder p="xl" ta="center">
          <Text fw={500}>{t('rulesForm.none')}</Text>
        </Paper>
      )}
      {versions.length > 1 && (
        <Paper withBorder p="md" component="section" aria-labelledby="rules-versions">
          <Title order={2} size="h4" id="rules-versions" mb="xs">
            {t('rulesForm.olderVersions')}
          </Title>
          <Stack gap="sm">
            {versions.slice(1).map((v) => (
              <div key={v.id}>
                <Text size="sm" fw={600}>
                  {t('rulesForm.versionLine', { version: v.version, at: formatDateTime(v.createdAt, language), by: v.createdBy ?? '—' })}
                </Text>
                <RuleList rules={v.rules} />
              </div>
            ))}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}

function RuleList({ rules }: { rules: RuleSpec[] }) {
  const { t } = useTranslation('verval');
  const text = useRuleText();
  const groups = new Set(rules.filter((r) => r.group).map((r) => r.group));
  return (
    <List size="sm" spacing={4}>
      {rules.map((r) => (
        <List.Item key={r.code}>
          {text(r)}
          {r.group && groups.size > 0 && (
            <Text span size="xs" c="dimmed">
              {' '}
              ({t('rulesForm.inGroup', { group: r.group })})
            </Text>
          )}
        </List.Item>
      ))}
    </List>
  );
}

function RuleSetCard({ set }: { set: RuleSet }) {
  const { t } = useTranslation('verval');
  const language = useDisplayLanguage();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="rules-current">
      <Title order={2} size="h4" id="rules-current" mb={4}>
        {t('rulesForm.current', { version: set.version })}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t('rulesForm.versionLine', { version: set.version, at: formatDateTime(set.createdAt, language), by: set.createdBy ?? '—' })}
      </Text>
      <RuleList rules={set.rules} />
      <Text size="xs" c="dimmed" mt="xs">
        {t('rulesForm.combination')}
      </Text>
      {set.note && (
        <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
          {set.note}
        </Text>
      )}
    </Paper>
  );
}

const IDENTITY_GROUP = 'identitas';

function RulesForm({ programmeId, current, onDone }: { programmeId: number; current: RuleSet | null; onDone: () => void }) {
  const { t } = useTranslation('verval');
  const save = useSetRules(programmeId);
  const find = <C extends RuleCode>(code: C) => current?.rules.find((r) => r.code === code) as Extract<RuleSpec, { code: C }> | undefined;
  const [active, setActive] = useState<Set<RuleCode>>(new Set(current ? current.rules.map((r) => r.code) : ['nik_valid', 'ektp_seen', 'listed_before_cutoff', 'not_aided_elsewhere', 'min_age']));
  const [eitherIdentity, setEitherIdentity] = useState(current ? find('nik_valid')?.group === IDENTITY_GROUP : true);
  const [cutoffDate, setCutoffDate] = useState(find('listed_before_cutoff')?.params.cutoffDate ?? '');
  const [years, setYears] = useState<number | string>(find('min_age')?.params.years ?? 18);
  const [referenceDate, setReferenceDate] = useState(find('min_age')?.params.referenceDate ?? '');
  const [note, setNote] = useState('');
  const [checked, setChecked] = useState(false);
  const missing = {
    cutoffDate: active.has('listed_before_cutoff') && !cutoffDate,
    referenceDate: active.has('min_age') && !referenceDate,
    years: active.has('min_age') && !(typeof years === 'number' && years >= 1),
    none: active.size === 0,
  };
  const toggle = (code: RuleCode, on: boolean) =>
    setActive((s) => {
      const next = new Set(s);
      if (on) next.add(code);
      else next.delete(code);
      return next;
    });

  const build = (): RuleSpec[] => {
    const group = eitherIdentity && active.has('nik_valid') && active.has('ektp_seen') ? IDENTITY_GROUP : null;
    return RULE_CODES.filter((c) => active.has(c)).map((code): RuleSpec => {
      switch (code) {
        case 'listed_before_cutoff':
          return { code, params: { cutoffDate }, group: null };
        case 'min_age':
          return { code, params: { years: Number(years), referenceDate }, group: null };
        case 'nik_valid':
        case 'ektp_seen':
          return { code, params: {}, group };
        default:
          return { code, params: {}, group: null };
      }
    });
  };

  return (
    <Paper withBorder p="md">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setChecked(true);
          if (Object.values(missing).some(Boolean)) return;
          save.mutate({ rules: build(), note: note.trim() }, { onSuccess: onDone });
        }}
      >
        <Stack gap="sm">
          <FormError error={save.error} />
          {RULE_CODES.map((code) => (
            <div key={code}>
              <Checkbox label={t(`rules.${code}.label`)} description={t(`rules.${code}.help`)} checked={active.has(code)} onChange={(e) => toggle(code, e.currentTarget.checked)} />
              {code === 'listed_before_cutoff' && active.has(code) && (
                <TextInput ml={32} mt={4} w={220} type="date" label={t('rulesForm.cutoffDate')} required value={cutoffDate} onChange={(e) => setCutoffDate(e.currentTarget.value)} error={checked && missing.cutoffDate ? t('form.required') : undefined} />
              )}
              {code === 'min_age' && active.has(code) && (
                <Group ml={32} mt={4} align="flex-start">
                  <NumberInput w={120} label={t('rulesForm.years')} min={1} max={100} allowDecimal={false} required value={years} onChange={setYears} error={checked && missing.years ? t('form.required') : undefined} />
                  <TextInput w={220} type="date" label={t('rulesForm.referenceDate')} required value={referenceDate} onChange={(e) => setReferenceDate(e.currentTarget.value)} error={checked && missing.referenceDate ? t('form.required') : undefined} />
                </Group>
              )}
            </div>
          ))}
          {active.has('nik_valid') && active.has('ektp_seen') && (
            <Checkbox label={t('rulesForm.eitherIdentity')} checked={eitherIdentity} onChange={(e) => setEitherIdentity(e.currentTarget.checked)} />
          )}
          <Textarea label={t('rulesForm.note')} autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          {checked && missing.none && (
            <Text size="sm" c="red" role="alert">
              {t('rulesForm.atLeastOne')}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone}>
              {t('form.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('rulesForm.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
