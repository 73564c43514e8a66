// Node-only. What supervisors write in reviews and closure decisions, in each language, for the
// generator (electron/core/review/seed.ts, electron/core/closure/seed.ts). Short, plausible, and
// never a real person's words.
import type { Language } from '../../../shared/i18n/languages';

export interface ReviewPhrases {
  /** A supervision note on a reviewed case. */
  notes: string[];
  /** An action assigned to the case's worker. */
  actions: string[];
  /** Why a closure recommendation goes back to the worker. */
  returnNotes: string[];
  /** A note with an approved closure. */
  approveNotes: string[];
  /** Agencies sitting on an inter-agency panel. */
  agencies: string[];
  /** Why a closed case is opened again. */
  reopenNotes: string[];
  /** The remaining risks a worker rates at closure. */
  risks: string[];
}

export const reviewPhrases: Record<Language, ReviewPhrases> = {
  en: {
    notes: ['Visits on track; the school fees are paid for this term.', 'The mother is struggling; bring the next visit forward.', 'Plan objectives mostly met; keep the community monitor involved.'],
    actions: ['Visit the school and speak with the class teacher.', 'Refer the family to the cash transfer programme.', 'Update the safety plan with the child.'],
    returnNotes: ['The child’s own views are missing; ask her before closing.', 'The health centre was not consulted.'],
    approveNotes: ['Stable for over a year; the family knows whom to call.', 'Closed as agreed at the panel.'],
    agencies: ['District social welfare office', 'Community child protection committee', 'Parish health centre'],
    reopenNotes: ['The child was found at the bus park again.', 'The school reported bruises.'],
    risks: ['Food shortage before the harvest', 'Stepfather’s drinking', 'Distance to school'],
  },
  fr: {
    notes: ['Visites à jour ; les frais scolaires sont payés pour ce trimestre.', 'La mère a des difficultés ; avancer la prochaine visite.', 'Objectifs du plan presque atteints ; garder le relais communautaire.'],
    actions: ['Aller à l’école et parler avec l’enseignant.', 'Orienter la famille vers le programme de transferts monétaires.', 'Mettre à jour le plan de sécurité avec l’enfant.'],
    returnNotes: ['L’avis de l’enfant manque ; le lui demander avant la clôture.', 'Le centre de santé n’a pas été consulté.'],
    approveNotes: ['Stable depuis plus d’un an ; la famille sait qui appeler.', 'Clôturé comme convenu en comité.'],
    agencies: ['Service social du district', 'Comité communautaire de protection de l’enfant', 'Centre de santé de la paroisse'],
    reopenNotes: ['L’enfant a été retrouvé à la gare routière.', 'L’école a signalé des ecchymoses.'],
    risks: ['Manque de nourriture avant la récolte', 'Alcoolisme du beau-père', 'Éloignement de l’école'],
  },
  es: {
    notes: ['Visitas al día; la matrícula de este trimestre está pagada.', 'La madre tiene dificultades; adelantar la próxima visita.', 'Objetivos del plan casi cumplidos; mantener al monitor comunitario.'],
    actions: ['Visitar la escuela y hablar con la maestra.', 'Derivar a la familia al programa de transferencias.', 'Actualizar el plan de seguridad con el niño.'],
    returnNotes: ['Falta la opinión de la niña; preguntarle antes de cerrar.', 'No se consultó al centro de salud.'],
    approveNotes: ['Estable desde hace más de un año; la familia sabe a quién llamar.', 'Cerrado según lo acordado en el comité.'],
    agencies: ['Oficina distrital de bienestar social', 'Comité comunitario de protección infantil', 'Centro de salud de la parroquia'],
    reopenNotes: ['Encontraron al niño otra vez en la terminal de autobuses.', 'La escuela informó de moretones.'],
    risks: ['Falta de comida antes de la cosecha', 'El padrastro bebe', 'La escuela queda lejos'],
  },
  pt: {
    notes: ['Visitas em dia; as propinas deste período estão pagas.', 'A mãe tem dificuldades; antecipar a próxima visita.', 'Objetivos do plano quase cumpridos; manter o monitor comunitário.'],
    actions: ['Visitar a escola e falar com a professora.', 'Encaminhar a família para o programa de transferências.', 'Atualizar o plano de segurança com a criança.'],
    returnNotes: ['Falta a opinião da criança; perguntar-lhe antes de encerrar.', 'O centro de saúde não foi consultado.'],
    approveNotes: ['Estável há mais de um ano; a família sabe a quem ligar.', 'Encerrado como acordado no painel.'],
    agencies: ['Serviço distrital de ação social', 'Comité comunitário de proteção da criança', 'Centro de saúde da paróquia'],
    reopenNotes: ['A criança foi encontrada outra vez na estação de autocarros.', 'A escola comunicou nódoas negras.'],
    risks: ['Falta de comida antes da colheita', 'O padrasto bebe', 'Distância até à escola'],
  },
  ar: {
    notes: ['الزيارات منتظمة؛ دُفعت رسوم المدرسة لهذا الفصل.', 'الأم تواجه صعوبات؛ تقديم موعد الزيارة القادمة.', 'تحققت معظم أهداف الخطة؛ يبقى المتطوع المجتمعي متابعًا.'],
    actions: ['زيارة المدرسة والتحدث مع المعلم.', 'إحالة الأسرة إلى برنامج التحويلات النقدية.', 'تحديث خطة السلامة مع الطفل.'],
    returnNotes: ['رأي الطفلة غير مسجّل؛ اسألها قبل الإغلاق.', 'لم تتم استشارة المركز الصحي.'],
    approveNotes: ['مستقر منذ أكثر من سنة؛ تعرف الأسرة بمن تتصل.', 'أُغلق كما اتُّفق في اللجنة.'],
    agencies: ['مكتب الرعاية الاجتماعية في المنطقة', 'لجنة حماية الطفل المجتمعية', 'المركز الصحي في الحي'],
    reopenNotes: ['وُجد الطفل مرة أخرى في محطة الحافلات.', 'أبلغت المدرسة عن كدمات.'],
    risks: ['نقص الطعام قبل الحصاد', 'شرب زوج الأم', 'بعد المدرسة'],
  },
};
