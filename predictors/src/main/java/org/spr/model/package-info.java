/**
 * Structure–property predictors: one pipeline (check and convert the g(r) input, run a backend, convert the output)
 * shared by the linear SPR model (y = W g + b), the SPRamNet-style 1D CNN (DJL) and XGBoost for scalars;
 * their trainers; the single {@code .sprmodel} file format; evaluation metrics and learning curves; the applicability
 * domain every trained model carries ({@link org.spr.model.TrainingDomain}: how far an input lies from the training
 * g(r)s) and the assembly of model inputs from structures ({@link org.spr.model.ModelInputs}).
 *
 * <p>Entry points: {@link org.spr.model.SprModel} (predict), {@link org.spr.model.ModelFile} (save/load),
 * {@link org.spr.model.LinearTrainer}, {@link org.spr.model.CnnTrainer}, {@link org.spr.model.XgboostTrainer}.
 */
package org.spr.model;
