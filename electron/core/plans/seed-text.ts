// Node-only. Plan and preparation wording for the generator, in each language, so a generated
// case reads like one a worker in that office would write.
import type { Language } from '../../../shared/i18n/languages';
import type { WellbeingDomain } from '../../../shared/plans/schemas';
import type { WaitingArrangement } from '../../../shared/preparation/schemas';

export interface SeedObjective {
  domain: WellbeingDomain;
  objective: string;
  indicator: string;
  responsible: string;
  resources: string;
  partial?: { what: string; share: string };
}

export interface SeedText {
  objectives: SeedObjective[];
  ownership: string[];
  contingency: string[];
  guardians: string[];
  reviewNotes: string[];
  progressNotes: string[];
  relationships: { mother: string; father: string; aunt: string; grandmother: string };
  witnessRoles: string[];
  arrangements: Record<'foster_care' | 'kinship_care' | 'small_group_home' | 'transit_centre', string>;
}

export const seedText: Record<Language, SeedText> = {
  en: {
    objectives: [
      { domain: 'education_skills', objective: 'Child enrolled in the primary school nearest home', indicator: 'Enrolment letter; attendance above 80% each term', responsible: 'Mother, with the case worker', resources: 'School bursary', partial: { what: 'School uniform and books', share: 'Half the cost' } },
      { domain: 'family_relationships', objective: 'Regular contact with parents before reunification', indicator: 'Weekly phone call recorded by the carer', responsible: 'Carer and mother', resources: 'Airtime' },
      { domain: 'health', objective: 'Vaccinations and health check up to date', indicator: 'Health card shows all doses', responsible: 'Health centre nurse', resources: 'Free district clinic' },
      { domain: 'economic', objective: 'Household has a steady source of income', indicator: 'Savings group membership; income reported monthly', responsible: 'Father', resources: 'Village savings and loan group', partial: { what: 'Start-up goats', share: 'Family buys feed' } },
      { domain: 'psychosocial', objective: 'Child takes part in a peer support group', indicator: 'Attends at least 3 sessions a month', responsible: 'Community volunteer', resources: 'Parish youth group' },
      { domain: 'legal_documentation', objective: 'Child has a birth certificate', indicator: 'Certificate issued by the registrar', responsible: 'Case worker', resources: 'Legal aid clinic' },
    ],
    ownership: ['The family proposed the school and will walk the child there', 'The grandmother offered to host family meetings', 'Parents agreed the steps at the family conference'],
    contingency: ['If the family refuses, the child stays in kinship care with the aunt and the plan is reviewed within two weeks', 'If reintegration breaks down, the child returns to the foster family while the case is reassessed'],
    guardians: ['District Probation Office', 'The transit centre', 'The mother'],
    reviewNotes: ['Reviewed with the child and the mother at home', 'Progress on school; income still irregular', 'Family engaged; next steps agreed'],
    progressNotes: ['Head teacher agreed to a place', 'First savings deposit made', 'Health card updated'],
    relationships: { mother: 'mother', father: 'father', aunt: 'aunt', grandmother: 'grandmother' },
    witnessRoles: ['village chairperson', 'religious leader', 'teacher'],
    arrangements: { foster_care: 'Foster family', kinship_care: "Aunt's home", small_group_home: 'Small group home', transit_centre: 'Transit centre' },
  },
  fr: {
    objectives: [
      { domain: 'education_skills', objective: "L'enfant est inscrit à l'école primaire la plus proche", indicator: "Attestation d'inscription ; présence supérieure à 80 %", responsible: "La mère, avec l'assistant social", resources: 'Bourse scolaire', partial: { what: 'Uniforme et fournitures', share: 'La moitié du coût' } },
      { domain: 'family_relationships', objective: 'Contacts réguliers avec les parents avant la réunification', indicator: "Appel hebdomadaire noté par l'accueillant", responsible: 'Accueillant et mère', resources: 'Crédit téléphonique' },
      { domain: 'health', objective: 'Vaccins et bilan de santé à jour', indicator: 'Le carnet de santé montre toutes les doses', responsible: 'Infirmière du centre de santé', resources: 'Centre de santé du district' },
      { domain: 'economic', objective: 'Le ménage a une source de revenu stable', indicator: "Membre d'un groupe d'épargne ; revenu déclaré chaque mois", responsible: 'Le père', resources: "Groupe d'épargne villageois", partial: { what: 'Petit élevage', share: "La famille achète l'aliment" } },
      { domain: 'psychosocial', objective: "L'enfant participe à un groupe de soutien entre pairs", indicator: 'Au moins 3 séances par mois', responsible: 'Bénévole communautaire', resources: 'Groupe de jeunes de la paroisse' },
      { domain: 'legal_documentation', objective: "L'enfant a un acte de naissance", indicator: "Acte délivré par l'état civil", responsible: 'Assistant social', resources: 'Clinique juridique' },
    ],
    ownership: ["La famille a choisi l'école et y accompagnera l'enfant", 'La grand-mère accueille les réunions de famille', 'Les parents ont validé les étapes en conférence familiale'],
    contingency: ["Si la famille refuse, l'enfant reste chez sa tante et le plan est revu sous deux semaines", "Si la réintégration échoue, l'enfant retourne dans la famille d'accueil pendant la réévaluation"],
    guardians: ['Service de protection de district', 'Le centre de transit', 'La mère'],
    reviewNotes: ["Revue faite avec l'enfant et la mère à domicile", 'Progrès à l’école ; revenu encore irrégulier', 'Famille impliquée ; prochaines étapes convenues'],
    progressNotes: ['Le directeur a accepté une place', 'Premier dépôt d’épargne', 'Carnet de santé mis à jour'],
    relationships: { mother: 'mère', father: 'père', aunt: 'tante', grandmother: 'grand-mère' },
    witnessRoles: ['chef de quartier', 'responsable religieux', 'enseignant'],
    arrangements: { foster_care: "Famille d'accueil", kinship_care: 'Chez la tante', small_group_home: 'Petit foyer', transit_centre: 'Centre de transit' },
  },
  es: {
    objectives: [
      { domain: 'education_skills', objective: 'El niño está inscrito en la escuela primaria más cercana a su casa', indicator: 'Constancia de inscripción; asistencia superior al 80 %', responsible: 'La madre, con la trabajadora social', resources: 'Beca escolar', partial: { what: 'Uniforme y útiles', share: 'La mitad del costo' } },
      { domain: 'family_relationships', objective: 'Contacto regular con los padres antes de la reunificación', indicator: 'Llamada semanal anotada por la cuidadora', responsible: 'Cuidadora y madre', resources: 'Saldo telefónico' },
      { domain: 'health', objective: 'Vacunas y control de salud al día', indicator: 'La cartilla muestra todas las dosis', responsible: 'Enfermera del centro de salud', resources: 'Centro de salud municipal' },
      { domain: 'economic', objective: 'El hogar tiene un ingreso estable', indicator: 'Miembro de un grupo de ahorro; ingreso mensual registrado', responsible: 'El padre', resources: 'Grupo de ahorro comunitario', partial: { what: 'Gallinas para empezar', share: 'La familia compra el alimento' } },
      { domain: 'psychosocial', objective: 'El niño participa en un grupo de apoyo entre pares', indicator: 'Asiste al menos a 3 sesiones al mes', responsible: 'Voluntaria comunitaria', resources: 'Grupo juvenil de la parroquia' },
      { domain: 'legal_documentation', objective: 'El niño tiene partida de nacimiento', indicator: 'Partida emitida por el registro civil', responsible: 'Trabajadora social', resources: 'Consultorio jurídico' },
    ],
    ownership: ['La familia eligió la escuela y acompañará al niño', 'La abuela ofreció su casa para las reuniones', 'Los padres acordaron los pasos en la conferencia familiar'],
    contingency: ['Si la familia se niega, el niño sigue con su tía y el plan se revisa en dos semanas', 'Si la reintegración fracasa, el niño vuelve a la familia de acogida mientras se reevalúa'],
    guardians: ['Procuraduría de protección de la niñez', 'El centro de tránsito', 'La madre'],
    reviewNotes: ['Revisado con el niño y la madre en casa', 'Avances en la escuela; ingresos aún irregulares', 'Familia comprometida; próximos pasos acordados'],
    progressNotes: ['La directora aceptó una plaza', 'Primer depósito de ahorro', 'Cartilla de salud actualizada'],
    relationships: { mother: 'madre', father: 'padre', aunt: 'tía', grandmother: 'abuela' },
    witnessRoles: ['presidente de la junta vecinal', 'líder religioso', 'maestra'],
    arrangements: { foster_care: 'Familia de acogida', kinship_care: 'Casa de la tía', small_group_home: 'Hogar pequeño', transit_centre: 'Centro de tránsito' },
  },
  pt: {
    objectives: [
      { domain: 'education_skills', objective: 'A criança está matriculada na escola primária mais próxima de casa', indicator: 'Declaração de matrícula; presença acima de 80 %', responsible: 'A mãe, com a assistente social', resources: 'Bolsa escolar', partial: { what: 'Uniforme e material', share: 'Metade do custo' } },
      { domain: 'family_relationships', objective: 'Contacto regular com os pais antes da reunificação', indicator: 'Chamada semanal registada pela cuidadora', responsible: 'Cuidadora e mãe', resources: 'Crédito de telemóvel' },
      { domain: 'health', objective: 'Vacinas e consulta de saúde em dia', indicator: 'O cartão de saúde mostra todas as doses', responsible: 'Enfermeira do centro de saúde', resources: 'Centro de saúde distrital' },
      { domain: 'economic', objective: 'O agregado tem uma fonte de rendimento estável', indicator: 'Membro de um grupo de poupança; rendimento registado por mês', responsible: 'O pai', resources: 'Grupo de poupança comunitário', partial: { what: 'Cabritos para começar', share: 'A família compra a ração' } },
      { domain: 'psychosocial', objective: 'A criança participa num grupo de apoio entre pares', indicator: 'Pelo menos 3 sessões por mês', responsible: 'Voluntária comunitária', resources: 'Grupo de jovens da paróquia' },
      { domain: 'legal_documentation', objective: 'A criança tem certidão de nascimento', indicator: 'Certidão emitida pelo registo civil', responsible: 'Assistente social', resources: 'Apoio jurídico' },
    ],
    ownership: ['A família escolheu a escola e vai acompanhar a criança', 'A avó ofereceu a casa para as reuniões', 'Os pais acordaram os passos na conferência familiar'],
    contingency: ['Se a família recusar, a criança fica com a tia e o plano é revisto em duas semanas', 'Se a reintegração falhar, a criança volta à família de acolhimento durante a reavaliação'],
    guardians: ['Acção Social do distrito', 'O centro de trânsito', 'A mãe'],
    reviewNotes: ['Revisto com a criança e a mãe em casa', 'Progresso na escola; rendimento ainda irregular', 'Família envolvida; próximos passos acordados'],
    progressNotes: ['A directora aceitou uma vaga', 'Primeiro depósito de poupança', 'Cartão de saúde actualizado'],
    relationships: { mother: 'mãe', father: 'pai', aunt: 'tia', grandmother: 'avó' },
    witnessRoles: ['secretário do bairro', 'líder religioso', 'professora'],
    arrangements: { foster_care: 'Família de acolhimento', kinship_care: 'Casa da tia', small_group_home: 'Pequeno lar', transit_centre: 'Centro de trânsito' },
  },
  ar: {
    objectives: [
      { domain: 'education_skills', objective: 'تسجيل الطفل في أقرب مدرسة ابتدائية إلى البيت', indicator: 'خطاب تسجيل؛ حضور يزيد على 80٪', responsible: 'الأم بمساعدة الأخصائي الاجتماعي', resources: 'منحة مدرسية', partial: { what: 'الزي المدرسي والكتب', share: 'نصف التكلفة' } },
      { domain: 'family_relationships', objective: 'تواصل منتظم مع الوالدين قبل لمّ الشمل', indicator: 'مكالمة أسبوعية يسجلها مقدم الرعاية', responsible: 'مقدم الرعاية والأم', resources: 'رصيد هاتف' },
      { domain: 'health', objective: 'استكمال التطعيمات والفحص الصحي', indicator: 'البطاقة الصحية تُظهر كل الجرعات', responsible: 'ممرضة المركز الصحي', resources: 'المركز الصحي في المحلية' },
      { domain: 'economic', objective: 'للأسرة مصدر دخل ثابت', indicator: 'عضوية في مجموعة ادخار؛ دخل يُسجل شهريًا', responsible: 'الأب', resources: 'مجموعة الادخار في القرية', partial: { what: 'ماعز لبدء المشروع', share: 'الأسرة تشتري العلف' } },
      { domain: 'psychosocial', objective: 'مشاركة الطفل في مجموعة دعم الأقران', indicator: 'حضور 3 جلسات على الأقل شهريًا', responsible: 'متطوع مجتمعي', resources: 'مجموعة شباب الحي' },
      { domain: 'legal_documentation', objective: 'حصول الطفل على شهادة ميلاد', indicator: 'شهادة صادرة عن السجل المدني', responsible: 'الأخصائي الاجتماعي', resources: 'عيادة المساعدة القانونية' },
    ],
    ownership: ['اختارت الأسرة المدرسة وسترافق الطفل إليها', 'عرضت الجدة استضافة اجتماعات الأسرة', 'اتفق الوالدان على الخطوات في المؤتمر العائلي'],
    contingency: ['إذا رفضت الأسرة يبقى الطفل عند خالته وتُراجع الخطة خلال أسبوعين', 'إذا تعثر الإدماج يعود الطفل إلى الأسرة الحاضنة ريثما يُعاد التقييم'],
    guardians: ['مكتب حماية الطفل في المحلية', 'مركز العبور', 'الأم'],
    reviewNotes: ['تمت المراجعة مع الطفل والأم في البيت', 'تقدم في المدرسة؛ الدخل ما زال غير منتظم', 'الأسرة متعاونة؛ تم الاتفاق على الخطوات التالية'],
    progressNotes: ['وافق مدير المدرسة على مقعد', 'أول إيداع في مجموعة الادخار', 'تم تحديث البطاقة الصحية'],
    relationships: { mother: 'الأم', father: 'الأب', aunt: 'الخالة', grandmother: 'الجدة' },
    witnessRoles: ['شيخ الحي', 'إمام المسجد', 'معلم'],
    arrangements: { foster_care: 'أسرة حاضنة', kinship_care: 'بيت الخالة', small_group_home: 'دار رعاية صغيرة', transit_centre: 'مركز العبور' },
  },
};

export const seededArrangements: readonly Extract<WaitingArrangement, keyof SeedText['arrangements']>[] = [
  'kinship_care',
  'kinship_care',
  'foster_care',
  'foster_care',
  'small_group_home',
  'transit_centre',
];
