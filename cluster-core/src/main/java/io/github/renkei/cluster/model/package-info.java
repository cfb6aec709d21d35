/**
 * The cluster model: organizations and their ids, sectors, types, capabilities,
 * certifications and entry stages; relationships; needs; funding programs; and the
 * {@link io.github.renkei.cluster.model.Cluster} aggregate that holds them, validates them and
 * answers indexed queries.
 *
 * <p>Everything here is an immutable value with builders or static factories; nothing is
 * null across the API ({@code Optional}, {@code OptionalInt} for absent values); bad input
 * fails with an exception that names the value and the id.
 *
 * <pre>{@code
 * Cluster c = Cluster.builder()
 *     .add(Organization.builder(OrganizationId.of("fmu"), "Fukushima Medical University",
 *         OrganizationType.MEDICAL_UNIVERSITY, Prefecture.FUKUSHIMA).nativeName("福島県立医科大学"))
 *     .add(Organization.builder(OrganizationId.of("nihon-u-eng"), "Nihon University College of Engineering",
 *         OrganizationType.UNIVERSITY, Prefecture.FUKUSHIMA).nativeName("日本大学工学部"))
 *     .add(Relationship.of(OrganizationId.of("nihon-u-eng"), RelationshipType.JOINT_RESEARCH,
 *         OrganizationId.of("fmu"), 2009))
 *     .build();
 * }</pre>
 */
package io.github.renkei.cluster.model;
