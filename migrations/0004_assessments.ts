import type { Migration } from './types';

// Tracing log, assessment templates and assessments, risk assessments and safety plans, best
// interests determinations. The default templates are shipped here as data (version 1 of each);
// offices adapt them by saving new versions, never by editing these rows. This file is frozen
// once released: a change to the defaults is a new migration adding version 2.

type L = { en: string; fr: string; es: string; pt: string; ar: string };
const l = (en: string, fr: string, es: string, pt: string, ar: string): L => ({ en, fr, es, pt, ar });

type Q =
  | { id: string; type: 'scale' | 'yes_no' | 'text'; label: L; required: boolean }
  | { id: string; type: 'choice'; label: L; required: boolean; options: { value: string; label: L }[] };

const scale = (id: string, label: L, required = true): Q => ({ id, type: 'scale', label, required });
const text = (id: string, label: L, required = false): Q => ({ id, type: 'text', label, required });
const yesNo = (id: string, label: L, required = false): Q => ({ id, type: 'yes_no', label, required });
const yesUnsureNo = (id: string, label: L, required = false): Q => ({
  id,
  type: 'choice',
  label,
  required,
  options: [
    { value: 'yes', label: l('Yes', 'Oui', 'Sí', 'Sim', 'نعم') },
    { value: 'unsure', label: l('Not sure', 'Pas sûr', 'No está claro', 'Não tem certeza', 'غير متأكد') },
    { value: 'no', label: l('No', 'Non', 'No', 'Não', 'لا') },
  ],
});
const domain = (id: string, title: L, questions: Q[]) => ({ id, title, questions });

const scaleLabels = [
  l('Very bad', 'Très mauvais', 'Muy malo', 'Muito mau', 'سيئ جدًا'),
  l('Bad', 'Mauvais', 'Malo', 'Mau', 'سيئ'),
  l('Fair', 'Moyen', 'Regular', 'Razoável', 'مقبول'),
  l('Good', 'Bon', 'Bueno', 'Bom', 'جيد'),
];

// Child Status Index (MEASURE Evaluation): 6 domains × 2 factors, each 1–4, plus the additions
// reintegration programmes use (family relationships, belonging, stigma).
const csi = {
  key: 'csi',
  kind: 'wellbeing',
  title: l('Child Status Index (well-being)', 'Indice de statut de l’enfant (bien-être)', 'Índice de Estado del Niño (bienestar)', 'Índice de Estado da Criança (bem-estar)', 'مؤشر حالة الطفل (الرفاه)'),
  definition: {
    scaleLabels,
    childViewsRequired: false,
    domains: [
      domain('food_nutrition', l('Food and nutrition', 'Alimentation et nutrition', 'Alimentación y nutrición', 'Alimentação e nutrição', 'الغذاء والتغذية'), [
        scale('food_security', l('Food security', 'Sécurité alimentaire', 'Seguridad alimentaria', 'Segurança alimentar', 'الأمن الغذائي')),
        scale('nutrition_growth', l('Nutrition and growth', 'Nutrition et croissance', 'Nutrición y crecimiento', 'Nutrição e crescimento', 'التغذية والنمو')),
      ]),
      domain('shelter_care', l('Shelter and care', 'Logement et prise en charge', 'Vivienda y cuidado', 'Abrigo e cuidado', 'المأوى والرعاية'), [
        scale('shelter', l('Shelter', 'Logement', 'Vivienda', 'Abrigo', 'المأوى')),
        scale('care', l('Care', 'Prise en charge', 'Cuidado', 'Cuidado', 'الرعاية')),
      ]),
      domain('protection', l('Protection', 'Protection', 'Protección', 'Proteção', 'الحماية'), [
        scale('abuse_exploitation', l('Abuse and exploitation', 'Maltraitance et exploitation', 'Abuso y explotación', 'Abuso e exploração', 'الإساءة والاستغلال')),
        scale('legal_protection', l('Legal protection', 'Protection juridique', 'Protección legal', 'Proteção legal', 'الحماية القانونية')),
      ]),
      domain('health', l('Health', 'Santé', 'Salud', 'Saúde', 'الصحة'), [
        scale('wellness', l('Wellness', 'Bien-être physique', 'Bienestar físico', 'Bem-estar físico', 'العافية')),
        scale('health_care_services', l('Health care services', 'Services de santé', 'Servicios de salud', 'Serviços de saúde', 'خدمات الرعاية الصحية')),
      ]),
      domain('psychosocial', l('Psychosocial', 'Psychosocial', 'Psicosocial', 'Psicossocial', 'النفسي والاجتماعي'), [
        scale('emotional_health', l('Emotional health', 'Santé émotionnelle', 'Salud emocional', 'Saúde emocional', 'الصحة العاطفية')),
        scale('social_behaviour', l('Social behaviour', 'Comportement social', 'Comportamiento social', 'Comportamento social', 'السلوك الاجتماعي')),
      ]),
      domain('education_skills', l('Education and skills', 'Éducation et compétences', 'Educación y habilidades', 'Educação e competências', 'التعليم والمهارات'), [
        scale('performance', l('Performance', 'Résultats scolaires', 'Rendimiento', 'Desempenho', 'الأداء')),
        scale('education_work', l('Education or work', 'Scolarité ou travail', 'Educación o trabajo', 'Educação ou trabalho', 'التعليم أو العمل')),
      ]),
      domain('reintegration', l('Family and community', 'Famille et communauté', 'Familia y comunidad', 'Família e comunidade', 'الأسرة والمجتمع'), [
        scale('family_relationships', l('Family relationships', 'Relations familiales', 'Relaciones familiares', 'Relações familiares', 'العلاقات الأسرية')),
        scale('community_belonging', l('Belonging in the community', 'Sentiment d’appartenance à la communauté', 'Pertenencia a la comunidad', 'Pertença à comunidade', 'الانتماء إلى المجتمع')),
        scale('stigma', l('Free from stigma and discrimination', 'À l’abri de la stigmatisation et de la discrimination', 'Libre de estigma y discriminación', 'Livre de estigma e discriminação', 'التحرر من الوصم والتمييز')),
      ]),
    ],
  },
};

const child = {
  key: 'child_assessment',
  kind: 'child',
  title: l('Child assessment', 'Évaluation de l’enfant', 'Evaluación del niño o niña', 'Avaliação da criança', 'تقييم الطفل'),
  definition: {
    scaleLabels,
    childViewsRequired: true,
    domains: [
      domain('needs', l('Needs', 'Besoins', 'Necesidades', 'Necessidades', 'الاحتياجات'), [
        text('age_needs', l('Needs linked to the child’s age and development', 'Besoins liés à l’âge et au développement de l’enfant', 'Necesidades según la edad y el desarrollo', 'Necessidades ligadas à idade e ao desenvolvimento', 'الاحتياجات المرتبطة بعمر الطفل ونموه'), true),
        text('gender_needs', l('Needs linked to gender', 'Besoins liés au genre', 'Necesidades relacionadas con el género', 'Necessidades ligadas ao género', 'الاحتياجات المرتبطة بالنوع الاجتماعي')),
        text('separation_experience', l('Experience while separated (what happened, where, for how long)', 'Vécu pendant la séparation (ce qui s’est passé, où, combien de temps)', 'Experiencia durante la separación (qué pasó, dónde, cuánto tiempo)', 'Experiência durante a separação (o que aconteceu, onde, quanto tempo)', 'تجربة الطفل أثناء الانفصال (ماذا حدث، وأين، ولكم من الوقت)'), true),
        text('health_disability', l('Health, mental health and disability needs', 'Besoins de santé, de santé mentale et liés au handicap', 'Necesidades de salud, salud mental y discapacidad', 'Necessidades de saúde, saúde mental e deficiência', 'احتياجات الصحة والصحة النفسية والإعاقة')),
        scale('immediate_wellbeing', l('Immediate well-being', 'Bien-être immédiat', 'Bienestar inmediato', 'Bem-estar imediato', 'الرفاه الحالي')),
      ]),
      domain('wishes', l('Wishes and fears', 'Souhaits et craintes', 'Deseos y temores', 'Desejos e receios', 'الرغبات والمخاوف'), [
        yesUnsureNo('wants_to_return', l('Does the child wish to return to the family?', 'L’enfant souhaite-t-il retourner dans sa famille ?', '¿Desea el niño o niña volver con su familia?', 'A criança deseja voltar para a família?', 'هل يرغب الطفل في العودة إلى أسرته؟'), true),
        text('fears', l('Worries and fears about returning', 'Inquiétudes et craintes liées au retour', 'Preocupaciones y temores sobre el regreso', 'Preocupações e receios sobre o regresso', 'المخاوف والقلق بشأن العودة')),
        text('trusted_people', l('People the child trusts', 'Personnes en qui l’enfant a confiance', 'Personas en las que confía', 'Pessoas em quem a criança confia', 'الأشخاص الذين يثق بهم الطفل')),
      ]),
      domain('perspectives', l('Perspectives and environment', 'Points de vue et environnement', 'Perspectivas y entorno', 'Perspetivas e ambiente', 'وجهات النظر والبيئة'), [
        yesNo('range_of_perspectives', l('Were several perspectives gathered (child, caregivers, teachers, others)?', 'Plusieurs points de vue ont-ils été recueillis (enfant, personnes qui s’en occupent, enseignants, autres) ?', '¿Se recogieron varias perspectivas (niño o niña, cuidadores, docentes, otras personas)?', 'Foram recolhidas várias perspetivas (criança, cuidadores, professores, outros)?', 'هل جُمعت وجهات نظر متعددة (الطفل، مقدمو الرعاية، المعلمون، غيرهم)؟'), true),
        text('present_environment', l('The child’s present environment', 'L’environnement actuel de l’enfant', 'El entorno actual del niño o niña', 'O ambiente atual da criança', 'البيئة الحالية للطفل')),
        yesNo('legal_proceedings', l('Is the child, or could the child be, involved in legal proceedings against exploiters or abusers?', 'L’enfant est-il ou pourrait-il être impliqué dans une procédure contre des exploiteurs ou des agresseurs ?', '¿Está o podría estar el niño o niña implicado en procesos judiciales contra explotadores o agresores?', 'A criança está ou pode vir a estar envolvida em processos contra exploradores ou agressores?', 'هل الطفل متورط، أو قد يتورط، في إجراءات قانونية ضد من استغلوه أو أساؤوا إليه؟')),
        text('resources_needed', l('Resources needed for a successful reintegration', 'Ressources nécessaires à une réintégration réussie', 'Recursos necesarios para una reintegración exitosa', 'Recursos necessários para uma reintegração bem-sucedida', 'الموارد اللازمة لإعادة إدماج ناجحة')),
      ]),
    ],
  },
};

const family = {
  key: 'family_assessment',
  kind: 'family',
  title: l('Family assessment', 'Évaluation de la famille', 'Evaluación de la familia', 'Avaliação da família', 'تقييم الأسرة'),
  definition: {
    scaleLabels,
    childViewsRequired: false,
    domains: [
      domain('risks', l('Risks to the child’s safety', 'Risques pour la sécurité de l’enfant', 'Riesgos para la seguridad del niño o niña', 'Riscos para a segurança da criança', 'المخاطر على سلامة الطفل'), [
        text('risk_factors', l('Risk factors affecting the child’s safety and well-being', 'Facteurs de risque pour la sécurité et le bien-être de l’enfant', 'Factores de riesgo para la seguridad y el bienestar', 'Fatores de risco para a segurança e o bem-estar', 'عوامل الخطر على سلامة الطفل ورفاهه'), true),
        text('changes_needed', l('Changes needed for the child to be safe', 'Changements nécessaires pour la sécurité de l’enfant', 'Cambios necesarios para que el niño o niña esté seguro', 'Mudanças necessárias para a segurança da criança', 'التغييرات اللازمة لضمان سلامة الطفل')),
        yesNo('violence_in_home', l('Is there violence in the home?', 'Y a-t-il de la violence au foyer ?', '¿Hay violencia en el hogar?', 'Existe violência em casa?', 'هل يوجد عنف في المنزل؟'), true),
        yesNo('substance_misuse', l('Is there alcohol or drug misuse in the household?', 'Y a-t-il un abus d’alcool ou de drogues dans le foyer ?', '¿Hay abuso de alcohol o drogas en el hogar?', 'Existe abuso de álcool ou drogas no agregado?', 'هل يوجد تعاطٍ للكحول أو المخدرات في الأسرة؟')),
      ]),
      domain('strengths', l('Strengths and resilience', 'Forces et résilience', 'Fortalezas y resiliencia', 'Forças e resiliência', 'نقاط القوة والصمود'), [
        text('family_strengths', l('Family strengths and resilience', 'Forces et résilience de la famille', 'Fortalezas y resiliencia de la familia', 'Forças e resiliência da família', 'نقاط قوة الأسرة وصمودها'), true),
        text('sibling_strengths', l('Siblings: their strengths and bond with the child', 'Frères et sœurs : leurs forces et leur lien avec l’enfant', 'Hermanos y hermanas: sus fortalezas y vínculo con el niño o niña', 'Irmãos: as suas forças e ligação com a criança', 'الإخوة والأخوات: نقاط قوتهم وصلتهم بالطفل')),
        text('support_network', l('Relatives, neighbours and others who can help', 'Proches, voisins et autres personnes pouvant aider', 'Familiares, vecinos y otras personas que pueden ayudar', 'Familiares, vizinhos e outras pessoas que podem ajudar', 'الأقارب والجيران وغيرهم ممن يمكنهم المساعدة')),
      ]),
      domain('separation_view', l('The family’s view of the separation', 'Le regard de la famille sur la séparation', 'La visión de la familia sobre la separación', 'A visão da família sobre a separação', 'رؤية الأسرة للانفصال'), [
        text('why_separated', l('The family’s own view of why the separation happened', 'Selon la famille, pourquoi la séparation a eu lieu', 'Según la familia, por qué ocurrió la separación', 'Na opinião da família, porque aconteceu a separação', 'رأي الأسرة نفسها في سبب حدوث الانفصال'), true),
        text('other_problems', l('Other problems the family names', 'Autres problèmes cités par la famille', 'Otros problemas que menciona la familia', 'Outros problemas referidos pela família', 'مشكلات أخرى تذكرها الأسرة')),
      ]),
      domain('readiness', l('Readiness for change', 'Disposition au changement', 'Disposición al cambio', 'Prontidão para a mudança', 'الاستعداد للتغيير'), [
        scale('readiness_for_change', l('Readiness and capacity for change', 'Disposition et capacité à changer', 'Disposición y capacidad de cambio', 'Prontidão e capacidade de mudança', 'الاستعداد والقدرة على التغيير')),
        text('readiness_notes', l('What shows it', 'Ce qui le montre', 'Qué lo demuestra', 'O que o demonstra', 'ما يدل على ذلك')),
      ]),
      domain('care', l('Ability to care', 'Capacité à prendre soin', 'Capacidad de cuidado', 'Capacidade de cuidar', 'القدرة على الرعاية'), [
        scale('ability_to_care', l('Ability to care for the child', 'Capacité à prendre soin de l’enfant', 'Capacidad para cuidar al niño o niña', 'Capacidade de cuidar da criança', 'القدرة على رعاية الطفل')),
        yesUnsureNo('wants_child_back', l('Does the family want the child back?', 'La famille souhaite-t-elle le retour de l’enfant ?', '¿Desea la familia que el niño o niña regrese?', 'A família deseja o regresso da criança?', 'هل ترغب الأسرة في عودة الطفل؟'), true),
        text('care_notes', l('Notes on care', 'Remarques sur la prise en charge', 'Notas sobre el cuidado', 'Notas sobre o cuidado', 'ملاحظات حول الرعاية')),
      ]),
      domain('economic', l('Economic situation', 'Situation économique', 'Situación económica', 'Situação económica', 'الوضع الاقتصادي'), [
        scale('economic_situation', l('Livelihood security of the household', 'Sécurité des moyens de subsistance du foyer', 'Seguridad de los medios de vida del hogar', 'Segurança dos meios de subsistência do agregado', 'أمن سبل عيش الأسرة')),
        text('income_sources', l('Sources of income', 'Sources de revenus', 'Fuentes de ingresos', 'Fontes de rendimento', 'مصادر الدخل')),
        text('economic_needs', l('Economic and material needs', 'Besoins économiques et matériels', 'Necesidades económicas y materiales', 'Necessidades económicas e materiais', 'الاحتياجات الاقتصادية والمادية')),
      ]),
    ],
  },
};

const community = {
  key: 'community_assessment',
  kind: 'community',
  title: l('Community assessment', 'Évaluation de la communauté', 'Evaluación de la comunidad', 'Avaliação da comunidade', 'تقييم المجتمع'),
  definition: {
    scaleLabels,
    childViewsRequired: false,
    domains: [
      domain('capacity', l('Capacity to support', 'Capacité de soutien', 'Capacidad de apoyo', 'Capacidade de apoio', 'القدرة على الدعم'), [
        scale('support_capacity', l('Capacity to support the child and family', 'Capacité à soutenir l’enfant et la famille', 'Capacidad para apoyar al niño o niña y a la familia', 'Capacidade de apoiar a criança e a família', 'القدرة على دعم الطفل والأسرة')),
        text('services_available', l('Services available nearby (school, health, economic support)', 'Services disponibles à proximité (école, santé, soutien économique)', 'Servicios disponibles cerca (escuela, salud, apoyo económico)', 'Serviços disponíveis perto (escola, saúde, apoio económico)', 'الخدمات المتاحة في الجوار (المدرسة، الصحة، الدعم الاقتصادي)')),
        text('community_structures', l('Community structures that can help (committees, religious leaders, volunteers)', 'Structures communautaires pouvant aider (comités, responsables religieux, bénévoles)', 'Estructuras comunitarias que pueden ayudar (comités, líderes religiosos, voluntarios)', 'Estruturas comunitárias que podem ajudar (comités, líderes religiosos, voluntários)', 'الهياكل المجتمعية التي يمكنها المساعدة (اللجان، القادة الدينيون، المتطوعون)')),
      ]),
      domain('stigma', l('Stigma and discrimination', 'Stigmatisation et discrimination', 'Estigma y discriminación', 'Estigma e discriminação', 'الوصم والتمييز'), [
        scale('acceptance', l('Acceptance of the child (free from stigma)', 'Acceptation de l’enfant (sans stigmatisation)', 'Aceptación del niño o niña (sin estigma)', 'Aceitação da criança (sem estigma)', 'تقبّل الطفل (دون وصم)')),
        text('stigma_sources', l('Stigma or discrimination the child or family may face', 'Stigmatisation ou discrimination que l’enfant ou la famille peut subir', 'Estigma o discriminación que pueden sufrir el niño o niña o la familia', 'Estigma ou discriminação que a criança ou a família podem enfrentar', 'الوصم أو التمييز الذي قد يواجهه الطفل أو الأسرة')),
        text('challenge_stigma', l('How it can be challenged', 'Comment y faire face', 'Cómo se puede enfrentar', 'Como pode ser enfrentado', 'كيف يمكن التصدي له')),
      ]),
      domain('community_risks', l('Risks in the community', 'Risques dans la communauté', 'Riesgos en la comunidad', 'Riscos na comunidade', 'المخاطر في المجتمع'), [
        text('risks', l('Risks in the wider community (violence, recruitment, trafficking, exploitation)', 'Risques dans la communauté (violence, recrutement, traite, exploitation)', 'Riesgos en la comunidad (violencia, reclutamiento, trata, explotación)', 'Riscos na comunidade (violência, recrutamento, tráfico, exploração)', 'المخاطر في المجتمع الأوسع (العنف، التجنيد، الاتجار، الاستغلال)'), true),
        text('risk_mitigation', l('What can reduce these risks', 'Ce qui peut réduire ces risques', 'Qué puede reducir estos riesgos', 'O que pode reduzir estes riscos', 'ما الذي يمكن أن يحد من هذه المخاطر')),
      ]),
    ],
  },
};

/** The templates as shipped (version 1); exported for the migration test only. */
export const shippedTemplates = [csi, child, family, community];

const sqlText = (value: unknown): string => `'${(typeof value === 'string' ? value : JSON.stringify(value)).replace(/'/g, "''")}'`;

export default {
  version: 4,
  name: 'assessments',
  up(db) {
    db.exec(`
      CREATE TABLE tracing_actions (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id),
        date TEXT NOT NULL,
        method TEXT NOT NULL CHECK (method IN ('interview_child', 'home_visit', 'phone_call', 'community_inquiry',
          'radio_announcement', 'photo_tracing', 'database_search', 'partner_agency', 'other')),
        method_other TEXT NOT NULL DEFAULT '',
        place TEXT NOT NULL DEFAULT '',
        area TEXT NOT NULL DEFAULT '',
        country TEXT NOT NULL,
        person_contacted TEXT NOT NULL DEFAULT '',
        result TEXT NOT NULL CHECK (result IN ('no_information', 'lead', 'family_located', 'family_found',
          'family_deceased', 'family_refused', 'other')),
        notes TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        created_by TEXT REFERENCES users (id),
        updated_at TEXT NOT NULL,
        updated_by TEXT REFERENCES users (id),
        version INTEGER NOT NULL DEFAULT 1,
        removed_at TEXT,
        removed_by TEXT REFERENCES users (id),
        removed_reason TEXT
      ) STRICT;
      CREATE INDEX tracing_actions_case ON tracing_actions (case_id, date);

      CREATE TABLE assessment_templates (
        key TEXT NOT NULL,
        version INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('child', 'family', 'community', 'wellbeing')),
        title TEXT NOT NULL,
        definition TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT REFERENCES users (id),
        PRIMARY KEY (key, version)
      ) STRICT;

      CREATE TABLE assessments (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id),
        template_key TEXT NOT NULL,
        template_version INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('child', 'family', 'community', 'wellbeing')),
        date TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('draft', 'completed')),
        participants TEXT NOT NULL DEFAULT '[]',
        answers TEXT NOT NULL DEFAULT '{}',
        scores TEXT NOT NULL DEFAULT '{"domains":{},"overall":null}',
        child_views TEXT NOT NULL DEFAULT '',
        summary TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        created_by TEXT REFERENCES users (id),
        updated_at TEXT NOT NULL,
        updated_by TEXT REFERENCES users (id),
        completed_at TEXT,
        completed_by TEXT REFERENCES users (id),
        version INTEGER NOT NULL DEFAULT 1,
        FOREIGN KEY (template_key, template_version) REFERENCES assessment_templates (key, version)
      ) STRICT;
      CREATE INDEX assessments_case ON assessments (case_id, kind, status, date);

      CREATE TABLE risk_assessments (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id),
        number INTEGER NOT NULL,
        date TEXT NOT NULL,
        risks TEXT NOT NULL,
        overall_level TEXT NOT NULL CHECK (overall_level IN ('low', 'medium', 'high')),
        summary TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        created_by TEXT REFERENCES users (id),
        UNIQUE (case_id, number)
      ) STRICT;

      CREATE TABLE safety_plans (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id),
        number INTEGER NOT NULL,
        trusted_contacts TEXT NOT NULL,
        if_harmed TEXT NOT NULL,
        if_breakdown TEXT NOT NULL,
        emergency_route TEXT NOT NULL DEFAULT '',
        child_knows INTEGER NOT NULL CHECK (child_knows IN (0, 1)),
        reviewed_with_child_on TEXT,
        notes TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        created_by TEXT REFERENCES users (id),
        UNIQUE (case_id, number)
      ) STRICT;

      CREATE TABLE bids (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id),
        status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'approved', 'returned')),
        date TEXT NOT NULL,
        panel TEXT NOT NULL DEFAULT '[]',
        options_considered TEXT NOT NULL DEFAULT '[]',
        child_views TEXT NOT NULL DEFAULT '',
        decision TEXT CHECK (decision IN ('reintegration_with_family', 'kinship_care', 'foster_care',
          'other_family_based_care', 'supervised_independent_living', 'adoption', 'kafalah', 'other')),
        decision_other TEXT NOT NULL DEFAULT '',
        reasons TEXT NOT NULL DEFAULT '',
        review_comment TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        created_by TEXT REFERENCES users (id),
        updated_at TEXT NOT NULL,
        submitted_at TEXT,
        submitted_by TEXT REFERENCES users (id),
        decided_at TEXT,
        decided_by TEXT REFERENCES users (id),
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE INDEX bids_case ON bids (case_id, status);
    `);
    for (const t of shippedTemplates) {
      db.exec(
        `INSERT INTO assessment_templates (key, version, kind, title, definition, created_at, created_by)
         VALUES (${sqlText(t.key)}, 1, ${sqlText(t.kind)}, ${sqlText(t.title)}, ${sqlText(t.definition)},
                 strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), NULL);`,
      );
    }
  },
} satisfies Migration;
