// /admin/formulir-asesmen: every assessment form with its versions (newest first); a
// new version starts from the latest (for holders of case.configure: the list's actions).
import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AssessmentForm } from '../../../common/case-forms.ts';
import { formatDateTime } from '../../../common/format.ts';
import { useDisplayLanguage } from '../../app/i18n.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useAssessmentForms } from './assessment-forms.api.ts';

export const formsPath = '/admin/formulir-asesmen';

/** The versions of each form, by key (the API answers them newest first per key). */
export function byKey(items: AssessmentForm[]): [string, AssessmentForm[]][] {
  const groups = new Map<string, AssessmentForm[]>();
  for (const f of items) groups.set(f.key, [...(groups.get(f.key) ?? []), f]);
  return [...groups.entries()];
}

export function AssessmentFormsPage() {
  const { t } = useTranslation('assessmentForms');
  const language = useDisplayLanguage();
  usePageTitle(t('title'));
  const forms = useAssessmentForms();
  if (forms.isPending) return <PageLoader />;
  if (forms.isError) return <ErrorState title={t('loadError')} error={forms.error} onRetry={() => void forms.refetch()} />;
  const configure = forms.data.actions.includes('configure');
  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('title')}</Title>
        <Text c="dimmed">{t('help')}</Text>
      </div>
      {byKey(forms.data.items).map(([key, versions]) => (
        <Paper key={key} withBorder p="md">
          <Group justify="space-between" mb="sm">
            <div>
              <Title order={2} size="h3">
                {versions[0]!.title[language]}
              </Title>
              <Text size="sm" c="dimmed">
                {t('key')}: {key}
              </Text>
            </div>
            {configure && (
              <Button component={Link} to={`${formsPath}/${key}/versi-baru`}>
                {t('newVersion')}
              </Button>
            )}
          </Group>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('columns.version')}</Table.Th>
                <Table.Th>{t('columns.note')}</Table.Th>
                <Table.Th>{t('columns.size')}</Table.Th>
                <Table.Th>{t('columns.createdBy')}</Table.Th>
                <Table.Th>{t('columns.createdAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {versions.map((f, i) => (
                <Table.Tr key={f.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`${formsPath}/${f.id}`}>
                      {t('versionN', { n: f.version })}
                    </Anchor>
                    {i === 0 && (
                      <Badge ml="xs" variant="light" color="teal">
                        {t('latest')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{f.note || '—'}</Table.Td>
                  <Table.Td>
                    {t('size', { sections: f.definition.sections.length, questions: f.definition.sections.reduce((n, s) => n + s.questions.length, 0) })}
                  </Table.Td>
                  <Table.Td>{f.createdBy ?? t('seeded')}</Table.Td>
                  <Table.Td>{formatDateTime(f.createdAt, language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      ))}
    </Stack>
  );
}
