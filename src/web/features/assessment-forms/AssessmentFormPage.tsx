// /admin/formulir-asesmen/:id: one version, read-only — its questions, and a preview of
// the form as a case worker sees it. From the latest version a new one can be made.
import { Alert, Anchor, Badge, Button, Group, SimpleGrid, Stack, Tabs, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../../../common/format.ts';
import { useDisplayLanguage } from '../../app/i18n.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Fact } from '../../components/Fact.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useAssessmentForms } from './assessment-forms.api.ts';
import { formsPath } from './AssessmentFormsPage.tsx';
import { FormPreview } from './FormPreview.tsx';
import { FormStructure } from './FormStructure.tsx';

export function AssessmentFormPage() {
  const { t } = useTranslation('assessmentForms');
  const language = useDisplayLanguage();
  const id = Number(useParams().id);
  const forms = useAssessmentForms();
  const [tab, setTab] = useState<string | null>('questions');
  const form = forms.data?.items.find((f) => f.id === id);
  usePageTitle(form ? `${form.title[language]} · ${t('versionN', { n: form.version })}` : t('title'));
  if (forms.isPending) return <PageLoader />;
  if (forms.isError) return <ErrorState title={t('loadError')} error={forms.error} onRetry={() => void forms.refetch()} />;
  if (!form) return <Alert color="yellow">{t('notFound')}</Alert>;
  const latest = forms.data.items.find((f) => f.key === form.key)!;
  const isLatest = latest.id === form.id;
  return (
    <Stack gap="md">
      <Anchor component={Link} to={formsPath} size="sm">
        {t('back')}
      </Anchor>
      <Group justify="space-between">
        <Group gap="xs">
          <Title order={1}>{form.title[language]}</Title>
          <Badge size="lg" variant="light">
            {t('versionN', { n: form.version })}
          </Badge>
          {isLatest && (
            <Badge size="lg" variant="light" color="teal">
              {t('latest')}
            </Badge>
          )}
        </Group>
        {isLatest && forms.data.actions.includes('configure') && (
          <Button component={Link} to={`${formsPath}/${form.key}/versi-baru`}>
            {t('newVersionFrom')}
          </Button>
        )}
      </Group>
      {!isLatest && (
        <Alert variant="light" color="blue">
          {t('newerExists', { n: latest.version })}{' '}
          <Anchor component={Link} to={`${formsPath}/${latest.id}`}>
            {t('openLatest')}
          </Anchor>
        </Alert>
      )}
      <SimpleGrid component="dl" cols={{ base: 1, sm: 4 }} m={0}>
        <Fact label={t('key')}>{form.key}</Fact>
        <Fact label={t('columns.note')}>{form.note || '—'}</Fact>
        <Fact label={t('columns.createdBy')}>{form.createdBy ?? t('seeded')}</Fact>
        <Fact label={t('columns.createdAt')}>{formatDateTime(form.createdAt, language)}</Fact>
      </SimpleGrid>
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List>
          <Tabs.Tab value="questions">{t('tabs.questions')}</Tabs.Tab>
          <Tabs.Tab value="preview">{t('tabs.preview')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="questions" pt="md">
          <FormStructure definition={form.definition} />
        </Tabs.Panel>
        <Tabs.Panel value="preview" pt="md">
          {tab === 'preview' && <FormPreview definition={form.definition} />}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
