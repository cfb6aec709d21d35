/**
 * Regulatory profiles: which licences and registrations an organization needs to play a role
 * (parts supplier, OEM, ODM, co-developer, marketing authorization holder) for a medical
 * device of a class. {@link io.github.renkei.cluster.regulation.RegulatoryProfile} is the
 * extension point; {@link io.github.renkei.cluster.regulation.JapanPmdAct} implements Japan's
 * PMD Act (薬機法), with its sources cited.
 *
 * <pre>{@code
 * RegulatoryProfile law = JapanPmdAct.get();
 * law.requirement(Role.DESIGN_MANUFACTURER, DeviceClass.II);
 *     // jp.pmd.mfg.design and jp.pmd.mfg.main-assembly
 * }</pre>
 */
package io.github.renkei.cluster.regulation;
